use super::*;

const POSTING: &str = "\
IT Manager
Acme Ltd - Leeds
Salary: £40,000 - £45,000

About us
We make widgets and love our people.

The role
You will run the network. You will also hold the budget.

What you will do
• Own the disaster recovery plan and prove it with restore tests
- Manage our MSP against its service levels

Nice to have
* ITIL Foundation

What we offer
25 days' holiday, a pension and free fruit.

Acme is an equal opportunity employer. We consider all applicants without regard to race.
";

#[test]
fn keeps_duties_and_drops_boilerplate() {
    let lines = job_lines(POSTING);
    let texts: Vec<&str> = lines.iter().map(|l| l.text.as_str()).collect();
    assert_eq!(
        texts,
        [
            "IT Manager",
            "Acme Ltd - Leeds",
            "You will run the network.",
            "You will also hold the budget.",
            "Own the disaster recovery plan and prove it with restore tests",
            "Manage our MSP against its service levels",
            "ITIL Foundation",
        ]
    );
    assert_eq!(lines[0].weight, Weight::Header);
    assert_eq!(lines[4].weight, Weight::Core);
    assert_eq!(lines[6].weight, Weight::Nice);
}

#[test]
fn pay_ranges_are_boilerplate_but_budgets_are_not() {
    assert!(has_pay_range("$115,000-$135,000 depending on experience"));
    assert!(has_pay_range("£39,500 - £43,000 plus pension"));
    assert!(has_pay_range("€50k to €60k"));
    assert!(!has_pay_range(
        "the annual IT budget (about $1.9M capital and operating)"
    ));
    assert!(!is_boilerplate(
        "Build and track the annual IT budget (about $1.9M)"
    ));
}

#[test]
fn an_equal_opportunity_line_inside_a_duty_section_is_dropped() {
    let lines = job_lines("Duties\n- Run backups\nWe are an equal opportunity employer.\n");
    assert_eq!(lines.len(), 1);
    assert_eq!(lines[0].text, "Run backups");
}

fn requirements(posting: &str) -> Vec<String> {
    job_lines(posting)
        .into_iter()
        .filter(|l| l.weight.is_requirement())
        .map(|l| l.text)
        .collect()
}

#[test]
fn prose_about_the_employer_is_context_not_a_requirement() {
    let posting = "\
Head of IT
The role
This is our only management-level IT post. The next two years bring a new ERP. You will \
lead a team of four. We need someone to own the disaster recovery plan. The post holder \
manages the IT budget.
";
    assert_eq!(
        requirements(posting),
        [
            "You will lead a team of four.",
            "We need someone to own the disaster recovery plan.",
            "The post holder manages the IT budget.",
        ]
    );
    let context: Vec<String> = job_lines(posting)
        .into_iter()
        .filter(|l| l.weight == Weight::Context)
        .map(|l| l.text)
        .collect();
    assert_eq!(
        context,
        [
            "This is our only management-level IT post.",
            "The next two years bring a new ERP."
        ]
    );
}

#[test]
fn a_long_line_introducing_extras_is_a_nice_to_have_heading() {
    let lines = job_lines(
        "Essential\n- Run backups\nIt would be great if you also have\n- Charity sector \
         experience\n",
    );
    let texts: Vec<(&str, Weight)> = lines.iter().map(|l| (l.text.as_str(), l.weight)).collect();
    assert_eq!(
        texts,
        [
            ("Run backups", Weight::Core),
            ("Charity sector experience", Weight::Nice)
        ]
    );
}

#[test]
fn boilerplate_anywhere_is_dropped() {
    // A synthetic posting with benefits, pay, EEO, location and application lines mixed
    // into the duty lists, in both British and American styles.
    let posting = "\
Systems Manager
Responsibilities
- Patch servers monthly and report compliance
- Competitive pay and a 401(k) with match
- Location: Denver, CO (hybrid)
- Manage the service desk against its SLAs
Requirements
- Experience with VMware and Active Directory
- $90,000 - $110,000 depending on experience
- We are an equal opportunity employer and value diversity.
- To apply, send your CV to jobs@example.com
- Closing date: 1 May
- Knowledge of ITIL 4
";
    assert_eq!(
        requirements(posting),
        [
            "Patch servers monthly and report compliance",
            "Manage the service desk against its SLAs",
            "Experience with VMware and Active Directory",
            "Knowledge of ITIL 4",
        ]
    );
}

#[test]
fn a_posting_without_headings_is_still_read() {
    let posting = "IT Support Lead\nAcme is a family business founded in 1950. You will run \
        the help desk and train new staff. Our offices are in Leeds.\n- Manage backups\n";
    assert_eq!(
        requirements(posting),
        [
            "You will run the help desk and train new staff.",
            "Manage backups"
        ]
    );
}

#[test]
fn about_us_and_benefit_sections_are_left_out_whatever_their_lines_say() {
    let posting = "\
Who we are
We need nothing from you here: you will love our culture.
Key responsibilities
- Own vendor contracts
Perks and benefits
- You will get 30 days of leave
";
    assert_eq!(requirements(posting), ["Own vendor contracts"]);
}

#[test]
fn empty_posting_has_no_lines() {
    assert!(job_lines("").is_empty());
    assert!(job_lines("\n \n\t\n").is_empty());
}
