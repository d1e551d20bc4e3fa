//! Why (PRODUCT §6.9): the share of open-text answers mentioning each codebook theme, and the
//! words of the answers no theme coded.

use super::derived::{self, Bits};
use super::rows::{ThemeRow, UncodedWordRow};
use super::{Ctx, Group};
use crate::config::FieldId;
use crate::stage::Stage;
use crate::stats::weights::Tally;

/// One open-text field's answers at one stage, with which themes each answer mentions.
struct Coded<'a> {
    field: FieldId,
    /// Its position in [`Config::theme_fields`](crate::config::Config::theme_fields).
    fi: usize,
    stage: Stage,
    themes: Vec<&'a crate::config::Theme>,
    /// The tallies of the answers' entries in `bits`.
    answers: Vec<(usize, Tally)>,
    /// Bit `k` of an entry: its answer mentions theme `k`.
    bits: &'a Bits,
}

/// Every (field, stage) with answers, in field then stage order.
fn coded<'a>(ctx: &'a Ctx, g: &'a Group) -> Vec<Coded<'a>> {
    let mut out = Vec::new();
    for (fi, field) in ctx.cfg.theme_fields().into_iter().enumerate() {
        let themes: Vec<&crate::config::Theme> =
            ctx.cfg.themes.iter().filter(|t| t.field == field).collect();
        let bits = &ctx.derived.themes[fi];
        for stage in Stage::ALL {
            let answers = ctx.tally(g, stage, derived::Fact::Theme(fi));
            if answers.is_empty() {
                continue;
            }
            out.push(Coded {
                field,
                fi,
                stage,
                themes: themes.clone(),
                answers,
                bits,
            });
        }
    }
    out
}

/// Share of answers mentioning each theme, and the uncoded share, per text field and stage.
pub(crate) fn themes(ctx: &Ctx, g: &Group) -> Vec<ThemeRow> {
    let mut out = Vec::new();
    for c in coded(ctx, g) {
        // Each theme, then "(uncoded)": no theme at all.
        let n = c.themes.len();
        let shares = ctx.shares(&c.answers, n + 1, |e, k| {
            let set = c.bits.set(e).unwrap_or(&[]);
            if k < n {
                derived::has(set, k)
            } else {
                derived::count(set) == 0
            }
        });
        let names = c
            .themes
            .iter()
            .map(|t| t.name.as_str())
            .chain(["(uncoded)"]);
        for (name, sh) in names.zip(shares) {
            out.push(ThemeRow {
                period: ctx.period.into(),
                segment: g.segment.clone(),
                stage: c.stage.key().into(),
                field: ctx.cfg.fields[c.field].name.clone(),
                theme: name.into(),
                answers: sh.n,
                mentions: sh.hits,
                share: sh.share,
                ci_low: sh.ci.map(|x| x.0),
                ci_high: sh.ci.map(|x| x.1),
                low_base: ctx.low(sh.base),
            });
        }
    }
    out
}

/// The most frequent words of answers no theme coded, per text field and stage.
pub(crate) fn uncoded_words(ctx: &Ctx, g: &Group) -> Vec<UncodedWordRow> {
    let mut out = Vec::new();
    for c in coded(ctx, g) {
        let words = &ctx.derived.uncoded[c.fi];
        let (top, bags) = words.top(
            c.answers
                .iter()
                .filter(|(e, _)| c.bits.set(*e).is_some_and(|b| derived::count(b) == 0))
                .map(|(e, t)| (*e, t.n)),
            15,
        );
        if bags == 0 {
            continue;
        }
        for (i, (word, count)) in top.into_iter().enumerate() {
            out.push(UncodedWordRow {
                period: ctx.period.into(),
                segment: g.segment.clone(),
                stage: c.stage.key().into(),
                field: ctx.cfg.fields[c.field].name.clone(),
                rank: i as u64 + 1,
                word,
                count,
                uncoded_answers: bags,
            });
        }
    }
    out
}
