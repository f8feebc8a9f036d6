//! `--format junit`. (Being written: placeholder that emits nothing yet.)

use super::{Context, ProfileReport, Reporter, Summary};
use std::io::{self, Write};

pub struct Junit<'a> {
    #[allow(dead_code)]
    ctx: Context<'a>,
}

impl<'a> Junit<'a> {
    pub fn new(ctx: Context<'a>) -> Self {
        Junit { ctx }
    }
}

impl Reporter for Junit<'_> {
    fn profile(&mut self, _p: &ProfileReport, _w: &mut dyn Write) -> io::Result<()> {
        Ok(())
    }
    fn end(&mut self, _s: &Summary, _w: &mut dyn Write) -> io::Result<()> {
        Ok(())
    }
}
