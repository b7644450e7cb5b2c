//! The terminal app (ratatui). Thin: turns keys into actions and draws screens.
