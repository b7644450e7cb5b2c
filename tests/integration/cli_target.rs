//! `prepdeck target` through the real binary on a temp home: adding, listing, showing and
//! removing targets, and refusing bad input without writing anything.

use std::path::Path;

use assert_cmd::Command;
use chrono::{Duration, Local};
use predicates::prelude::*;

const JOB: &str = "\
IT Manager
Acme Widgets - Leeds
Salary: £40,000 - £45,000

About us
We make widgets \u{1b}]0;pwned\u{7} and love our people.

What you will do
- Own the disaster recovery plan and prove it with restore tests twice a year
- Manage our MSP and suppliers, negotiate renewals and hold them to their service levels
- Build and track the annual IT budget, capital and operating
- Segment the network with VLANs and firewalls \u{1b}[31mnow\u{1b}[0m

What we offer
25 days' holiday and a pension. Acme is an equal opportunity employer.
";

fn prepdeck(home: &Path) -> Command {
    let mut c = Command::cargo_bin("prepdeck").unwrap();
    c.env("PREPDECK_HOME", home).env_remove("NO_COLOR");
    c
}

fn in_days(days: i64) -> String {
    (Local::now() + Duration::days(days))
        .format("%Y-%m-%d")
        .to_string()
}

fn add(home: &Path, name: &str, date: &str) {
    prepdeck(home)
        .args(["target", "add", name, "--job", "-", "--date", date])
        .args([
            "--company",
            "Acme",
            "--role",
            "IT Manager",
            "--notes",
            "Ask about on-call",
        ])
        .write_stdin(JOB)
        .assert()
        .success()
        .stdout(predicate::str::contains("Added target"));
}

fn targets_dir_entries(home: &Path) -> usize {
    std::fs::read_dir(home.join("targets")).map_or(0, |d| d.count())
}

#[test]
fn add_show_list_remove() {
    let dir = tempfile::tempdir().unwrap();
    let home = dir.path();
    add(home, "acme", &in_days(10));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&home.join("targets")), 0o700);
        assert_eq!(mode(&home.join("targets/acme.toml")), 0o600);
    }

    let out = prepdeck(home)
        .args(["target", "show", "acme", "--json"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).unwrap();
    assert!(
        !text.contains('\u{1b}') && !text.contains("\\u001b"),
        "{text}"
    );
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["name"], "acme");
    assert_eq!(v["status"], "upcoming");
    assert_eq!(v["days_left"], 10);
    let cats = v["categories"].as_array().unwrap();
    assert!(!cats.is_empty());
    for c in cats {
        assert!(c["deck"].is_string() && c["category"].is_string() && c["score"].is_number());
    }
    let scores: Vec<f64> = cats.iter().map(|c| c["score"].as_f64().unwrap()).collect();
    assert!(scores.windows(2).all(|w| w[0] >= w[1]), "{scores:?}");
    let top5: Vec<String> = cats
        .iter()
        .take(5)
        .map(|c| {
            format!(
                "{}/{}",
                c["deck"].as_str().unwrap(),
                c["category"].as_str().unwrap()
            )
        })
        .collect();
    // The duties name DR, vendors, budget and the network.
    let expected = [
        "it-manager/vendors",
        "it-manager/budget",
        "it-fundamentals/network",
    ];
    let hits = expected
        .iter()
        .filter(|e| top5.contains(&e.to_string()))
        .count();
    assert!(hits >= 2, "{top5:?}");
    let reqs = v["requirements"].as_array().unwrap();
    let texts: Vec<&str> = reqs.iter().map(|r| r["text"].as_str().unwrap()).collect();
    assert_eq!(reqs.len(), 4, "{texts:?}");
    assert!(
        !texts
            .iter()
            .any(|t| t.contains("pension") || t.contains("widgets"))
    );
    let budget = reqs
        .iter()
        .find(|r| r["text"].as_str().unwrap().contains("budget"))
        .unwrap();
    assert_ne!(budget["coverage"], "gap");
    assert!(
        budget["cards"]
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c["deck"] == "it-manager")
    );

    prepdeck(home)
        .args(["target", "show", "acme"])
        .assert()
        .success()
        .stdout(predicate::str::contains("What the job stresses"))
        .stdout(predicate::str::contains("in 10 days"))
        .stdout(predicate::str::contains("Ask about on-call"))
        .stdout(predicate::str::contains("\u{1b}").not());

    add(home, "beta", &in_days(3));
    let list = prepdeck(home).args(["target", "list"]).assert().success();
    let list = String::from_utf8(list.get_output().stdout.clone()).unwrap();
    let lines: Vec<&str> = list.lines().collect();
    assert!(
        lines[0].starts_with("beta") && lines[1].starts_with("acme"),
        "{list}"
    );
    let json = prepdeck(home)
        .args(["target", "list", "--json"])
        .assert()
        .success();
    let json: serde_json::Value = serde_json::from_slice(&json.get_output().stdout).unwrap();
    assert_eq!(json.as_array().unwrap().len(), 2);

    prepdeck(home)
        .args(["target", "remove", "beta"])
        .assert()
        .success();
    prepdeck(home)
        .args(["target", "show", "beta"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("no target named `beta`"));
    assert_eq!(targets_dir_entries(home), 1);
}

#[test]
fn bad_input_is_refused_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let home = dir.path();
    let job = home.join("job.txt");
    std::fs::write(&job, JOB).unwrap();
    // (arguments after `target add`, stdin, exit code, message)
    type Case = (Vec<String>, Option<Vec<u8>>, i32, &'static str);
    let cases: Vec<Case> = vec![
        (
            vec!["x".into(), "--job".into(), "-".into()],
            Some(vec![]),
            1,
            "empty",
        ),
        (
            vec!["x".into(), "--job".into(), "-".into()],
            Some(b"  \n \n".to_vec()),
            1,
            "empty",
        ),
        (
            vec!["x".into(), "--job".into(), "-".into()],
            Some(vec![0, 1, 2, 3, 0, 0x89]),
            1,
            "not text",
        ),
        (
            vec!["x".into(), "--job".into(), "-".into()],
            Some(vec![b'a'; 5 * 1024 * 1024]),
            1,
            "larger than",
        ),
        (
            vec!["Bad Name".into(), "--job".into(), job.display().to_string()],
            None,
            2,
            "bad target name",
        ),
        (
            vec![
                "x".into(),
                "--job".into(),
                job.display().to_string(),
                "--date".into(),
                in_days(-1),
            ],
            None,
            1,
            "in the past",
        ),
        (
            vec![
                "x".into(),
                "--job".into(),
                job.display().to_string(),
                "--date".into(),
                "2030-02-30".into(),
            ],
            None,
            2,
            "bad date",
        ),
        (
            vec![
                "x".into(),
                "--job".into(),
                home.join("missing.txt").display().to_string(),
            ],
            None,
            1,
            "could not read",
        ),
    ];
    for (args, stdin, code, message) in cases {
        let mut cmd = prepdeck(home);
        cmd.arg("target").arg("add").args(&args);
        if let Some(bytes) = stdin {
            cmd.write_stdin(bytes);
        }
        cmd.assert()
            .code(code)
            .stderr(predicate::str::contains(message));
        assert_eq!(targets_dir_entries(home), 0, "{args:?} wrote something");
    }
    // An existing name: refused, and the first target is kept as it was.
    add(home, "acme", &in_days(5));
    let before = std::fs::read(home.join("targets/acme.toml")).unwrap();
    prepdeck(home)
        .args(["target", "add", "acme", "--job", "-"])
        .write_stdin("Run the service desk and lead the team")
        .assert()
        .code(1)
        .stderr(predicate::str::contains("exists already"));
    assert_eq!(
        std::fs::read(home.join("targets/acme.toml")).unwrap(),
        before
    );
    assert_eq!(targets_dir_entries(home), 1);
}

#[test]
fn edit_changes_fields_and_a_broken_file_is_reported_not_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let home = dir.path();
    add(home, "acme", &in_days(5));
    prepdeck(home)
        .args([
            "target",
            "edit",
            "acme",
            "--role",
            "Head of IT",
            "--new-per-day",
            "5",
        ])
        .assert()
        .success();
    let json = prepdeck(home)
        .args(["target", "list", "--json"])
        .assert()
        .success();
    let json: serde_json::Value = serde_json::from_slice(&json.get_output().stdout).unwrap();
    assert_eq!(json[0]["role"], "Head of IT");
    assert_eq!(json[0]["new_per_day"], 5);
    assert_eq!(json[0]["company"], "Acme");

    let path = home.join("targets/acme.toml");
    let broken = "format = 1\nname = \"acme\"\ntypo = 1\n";
    std::fs::write(&path, broken).unwrap();
    prepdeck(home)
        .args(["target", "edit", "acme", "--role", "x"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("acme.toml is invalid: line 3"));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), broken);
    prepdeck(home)
        .args(["target", "list"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("acme.toml"))
        .stdout(predicate::str::contains(
            "No target could be read: 1 target file(s)",
        ))
        .stdout(predicate::str::contains("No targets yet").not());
}

#[test]
fn plan_drill_mock_and_brief_follow_the_target() {
    let dir = tempfile::tempdir().unwrap();
    let home = dir.path();
    add(home, "acme", &in_days(10));

    let plan = prepdeck(home)
        .args(["target", "plan", "acme", "--json"])
        .assert()
        .success();
    let plan: serde_json::Value = serde_json::from_slice(&plan.get_output().stdout).unwrap();
    assert_eq!(plan["days_left"], 10);
    assert_eq!(plan["learned"], 0);
    let cards = plan["cards"].as_u64().unwrap();
    let new_per_day = plan["new_per_day"].as_u64().unwrap();
    // Every card learned before the final window: cards / (days - window) a day, rounded up.
    let final_days = plan["final_days"].as_u64().unwrap();
    assert_eq!(new_per_day, cards.div_ceil(10 - final_days));
    let today_new: Vec<String> = plan["today"]["new"]
        .as_array()
        .unwrap()
        .iter()
        .map(|k| {
            format!(
                "{}/{}",
                k["deck"].as_str().unwrap(),
                k["card"].as_str().unwrap()
            )
        })
        .collect();
    assert_eq!(today_new.len() as u64, new_per_day);
    assert!(plan["categories"].as_array().unwrap().len() >= 3);

    // The line-mode drill starts with today's new target cards.
    let out = prepdeck(home)
        .args(["drill", "--plain", "--target", "acme", "--limit", "2"])
        .write_stdin("\n3\n\n3\n")
        .assert()
        .success();
    let out = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert!(out.matches("recorded:").count() == 2, "{out}");
    let (deck, card) = today_new[0].split_once('/').unwrap();
    let cards = prepdeck(home)
        .args(["cards", "--json", "--deck", deck])
        .assert()
        .success();
    let cards: serde_json::Value = serde_json::from_slice(&cards.get_output().stdout).unwrap();
    let reviewed: Vec<&str> = cards
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["reps"].as_u64().unwrap_or(0) > 0)
        .filter_map(|c| c["id"].as_str())
        .collect();
    assert!(reviewed.contains(&card), "{reviewed:?} lacks {card}");
    let plan = prepdeck(home)
        .args(["target", "plan", "acme", "--json"])
        .assert()
        .success();
    let plan: serde_json::Value = serde_json::from_slice(&plan.get_output().stdout).unwrap();
    assert_eq!(plan["today"]["new_done"], 2);
    assert_eq!(plan["learned"], 2);

    // A mock interview for the target is remembered until --no-target.
    prepdeck(home)
        .args([
            "mock",
            "--plain",
            "--target",
            "acme",
            "--questions",
            "2",
            "--prep",
            "0",
        ])
        .write_stdin("/quit\n")
        .assert()
        .success()
        .stdout(predicate::str::contains("Target: acme"));
    prepdeck(home)
        .args(["mock", "--plain", "--questions", "1", "--prep", "0"])
        .write_stdin("/quit\n")
        .assert()
        .success()
        .stdout(predicate::str::contains("Target: acme (remembered"));
    prepdeck(home)
        .args([
            "mock",
            "--plain",
            "--no-target",
            "--questions",
            "1",
            "--prep",
            "0",
        ])
        .write_stdin("/quit\n")
        .assert()
        .success()
        .stdout(predicate::str::contains("Target:").not());
    prepdeck(home)
        .args(["mock", "--target", "nope", "--plain"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("no target named `nope`"));

    // The brief, to a private file that is never overwritten without --force.
    let brief = home.join("brief.md");
    prepdeck(home)
        .args(["target", "brief", "acme", "-o"])
        .arg(&brief)
        .assert()
        .success();
    let md = std::fs::read_to_string(&brief).unwrap();
    assert!(
        md.starts_with("# Interview brief: IT Manager at Acme"),
        "{md}"
    );
    assert!(md.contains("disaster recovery plan"), "{md}");
    assert!(md.contains("## Still open"), "{md}");
    assert!(md.contains("Ask about on-call"), "{md}");
    assert!(!md.contains('\u{1b}'));
    prepdeck(home)
        .args(["target", "brief", "acme", "-o"])
        .arg(&brief)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("--force"));
}

#[test]
fn a_past_target_is_archived_and_the_drill_is_the_normal_one() {
    let dir = tempfile::tempdir().unwrap();
    let home = dir.path();
    add(home, "old", &in_days(2));
    add(home, "new", &in_days(4));
    // Move the first target's date into the past by editing its file, as a user could.
    let path = home.join("targets/old.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, text.replace(&in_days(2), &in_days(-3))).unwrap();
    let list = prepdeck(home)
        .args(["target", "list", "--json"])
        .assert()
        .success();
    let list: serde_json::Value = serde_json::from_slice(&list.get_output().stdout).unwrap();
    assert_eq!(list[0]["name"], "new");
    assert_eq!(list[1]["name"], "old");
    assert_eq!(list[1]["status"], "past");
    prepdeck(home)
        .args(["target", "plan", "old"])
        .assert()
        .success()
        .stdout(predicate::str::contains("archived"));
    prepdeck(home)
        .args(["drill", "--plain", "--target", "old", "--limit", "1"])
        .write_stdin("q\n")
        .assert()
        .success()
        .stderr(predicate::str::contains("archived"));
    prepdeck(home)
        .args(["drill", "--target", "new"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--plain"));
}

#[test]
fn stories_that_answer_a_requirement_are_shown_in_show_json_and_the_brief() {
    let dir = tempfile::tempdir().unwrap();
    let home = dir.path();
    std::fs::write(
        home.join("stories.toml"),
        r#"
[[story]]
id = "dr-test"
title = "Proving the \u001b[31mdisaster recovery plan with a restore test"
situation = "Our backups had never been restored."
task = "Prove we could recover the ERP within a day."
action = "I ran a full restore test of the ERP to the standby site and fixed the runbook."
result = "Recovery time fell from unknown to 6 hours."
competencies = ["incidents"]
"#,
    )
    .unwrap();
    add(home, "acme", &in_days(10));
    let out = prepdeck(home)
        .args(["target", "show", "acme", "--json"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
    let reqs = v["requirements"].as_array().unwrap();
    let with_story: Vec<&str> = reqs
        .iter()
        .filter(|r| !r["stories"].as_array().unwrap().is_empty())
        .map(|r| r["text"].as_str().unwrap())
        .collect();
    assert_eq!(
        with_story,
        ["Own the disaster recovery plan and prove it with restore tests twice a year"]
    );
    let story = &reqs[0]["stories"][0];
    assert_eq!(story["id"], "dr-test");
    assert!(!story["title"].as_str().unwrap().contains('\u{1b}'));
    prepdeck(home)
        .args(["target", "show", "acme"])
        .assert()
        .success()
        .stdout(predicate::str::contains("your story dr-test: Proving the"));
    prepdeck(home)
        .args(["target", "brief", "acme"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "Your story: **Proving the disaster recovery plan with a restore test**",
        ));
}

#[test]
fn a_target_link_to_a_missing_file_is_named_plainly() {
    let dir = tempfile::tempdir().unwrap();
    let home = dir.path();
    std::fs::create_dir_all(home.join("targets")).unwrap();
    std::os::unix::fs::symlink(home.join("nowhere.toml"), home.join("targets/x.toml")).unwrap();
    for args in [&["target", "list"][..], &["target", "show", "x"][..]] {
        prepdeck(home)
            .args(args)
            .assert()
            .code(1)
            .stderr(predicate::str::contains("x.toml"))
            .stderr(predicate::str::contains("symbolic link to a missing file"))
            .stderr(predicate::str::contains("entity not found").not());
    }
}

#[test]
fn a_posting_without_requirements_says_so() {
    let home = tempfile::tempdir().unwrap();
    prepdeck(home.path())
        .args([
            "target",
            "add",
            "short",
            "--job",
            "-",
            "--date",
            &in_days(10),
        ])
        .write_stdin("IT manager wanted. A budget of £2.4m and 40k users.\n")
        .assert()
        .success();
    prepdeck(home.path())
        .args(["target", "show", "short"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "names no requirements prepdeck could read",
        ))
        .stdout(predicate::str::contains("target edit short --job FILE"));
    add(home.path(), "acme", &in_days(10));
    prepdeck(home.path())
        .args(["target", "show", "acme"])
        .assert()
        .success()
        .stdout(predicate::str::contains("names no requirements").not());
}
