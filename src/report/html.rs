//! `--format html`. (Being written: placeholder that emits nothing yet.)

use super::{Context, ProfileReport, Reporter, Summary};
use std::io::{self, Write};

pub struct Html<'a> {
    #[allow(dead_code)]
    ctx: Context<'a>,
}

impl<'a> Html<'a> {
    pub fn new(ctx: Context<'a>) -> Self {
        Html { ctx }
    }
}

impl Reporter for Html<'_> {
    fn profile(&mut self, _p: &ProfileReport, _w: &mut dyn Write) -> io::Result<()> {
        Ok(())
    }
    fn end(&mut self, _s: &Summary, _w: &mut dyn Write) -> io::Result<()> {
        Ok(())
    }
}
