//! `--format sarif`. (Being written: placeholder that emits nothing yet.)

use super::{Context, ProfileReport, Reporter, Summary};
use std::io::{self, Write};

pub struct Sarif<'a> {
    #[allow(dead_code)]
    ctx: Context<'a>,
}

impl<'a> Sarif<'a> {
    pub fn new(ctx: Context<'a>) -> Self {
        Sarif { ctx }
    }
}

impl Reporter for Sarif<'_> {
    fn profile(&mut self, _p: &ProfileReport, _w: &mut dyn Write) -> io::Result<()> {
        Ok(())
    }
    fn end(&mut self, _s: &Summary, _w: &mut dyn Write) -> io::Result<()> {
        Ok(())
    }
}
