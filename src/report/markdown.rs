//! `--format markdown`. (Being written: placeholder that emits nothing yet.)

use super::{Context, ProfileReport, Reporter, Summary};
use std::io::{self, Write};

pub struct Markdown<'a> {
    #[allow(dead_code)]
    ctx: Context<'a>,
}

impl<'a> Markdown<'a> {
    pub fn new(ctx: Context<'a>) -> Self {
        Markdown { ctx }
    }
}

impl Reporter for Markdown<'_> {
    fn profile(&mut self, _p: &ProfileReport, _w: &mut dyn Write) -> io::Result<()> {
        Ok(())
    }
    fn end(&mut self, _s: &Summary, _w: &mut dyn Write) -> io::Result<()> {
        Ok(())
    }
}
