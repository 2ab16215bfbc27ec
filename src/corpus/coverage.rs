//! The coverage as a whole, over any set of articles (the filtered list): how many were
//! published when (the timeline), which figures are quoted for the same thing (figure groups),
//! and who appears with whom (co-occurrence). Pure functions of the index: the reader, `export`
//! and `bench` share them.

use std::cmp::Reverse;

use super::date::{civil_from_days, days_from_civil};
use super::index::{EntityId, Index, Mentions};

/// Timelines pick the finest step that keeps them within this many buckets.
pub const MAX_BUCKETS: i64 = 120;

/// The span of a timeline's bucket.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Step {
    /// An hour of one day.
    Hour,
    /// A day.
    Day,
    /// A week, Monday to Sunday.
    Week,
    /// A calendar month.
    Month,
    /// A calendar year.
    Year,
}

impl Step {
    /// Every step, finest first.
    pub const ALL: [Step; 5] = [Step::Hour, Step::Day, Step::Week, Step::Month, Step::Year];

    /// The word for one bucket ("by day").
    pub fn name(self) -> &'static str {
        match self {
            Step::Hour => "hour",
            Step::Day => "day",
            Step::Week => "week",
            Step::Month => "month",
            Step::Year => "year",
        }
    }

    /// The first minute of the bucket holding `minute`.
    pub fn start(self, minute: i64) -> i64 {
        let days = minute.div_euclid(1440);
        match self {
            Step::Hour => minute.div_euclid(60) * 60,
            Step::Day => days * 1440,
            // 1970-01-01 was a Thursday: weeks start three days before it, on Mondays.
            Step::Week => ((days + 3).div_euclid(7) * 7 - 3) * 1440,
            Step::Month | Step::Year => {
                let (y, m, _) = civil_from_days(days);
                let m = if self == Step::Year { 1 } else { m };
                days_from_civil(y, m, 1) * 1440
            }
        }
    }

    /// The first minute of the bucket after the one starting at `start`.
    pub fn next(self, start: i64) -> i64 {
        match self {
            Step::Hour => start + 60,
            Step::Day => start + 1440,
            Step::Week => start + 7 * 1440,
            Step::Month | Step::Year => {
                let (y, m, _) = civil_from_days(start.div_euclid(1440));
                let (y, m) = match (self, m) {
                    (Step::Year, _) => (y + 1, 1),
                    (_, 12) => (y + 1, 1),
                    _ => (y, m + 1),
                };
                days_from_civil(y, m, 1) * 1440
            }
        }
    }

    /// The bucket starting at `start` as a reader names it: `Thu 6 Aug 19:00`,
    /// `Tue 26 Apr 2016`, `w/c 25 Apr 2016`, `Apr 2016`, `2016`.
    pub fn label(self, start: i64) -> String {
        let days = start.div_euclid(1440);
        let (y, m, d) = civil_from_days(days);
        let month = month_abbr(m);
        let weekday = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"][days.rem_euclid(7) as usize];
        match self {
            Step::Hour => {
                let hour = start.rem_euclid(1440) / 60;
                format!("{weekday} {d} {month} {hour:02}:00")
            }
            Step::Day => format!("{weekday} {d} {month} {y}"),
            Step::Week => format!("w/c {d} {month} {y}"),
            Step::Month => format!("{month} {y}"),
            Step::Year => format!("{y}"),
        }
    }
}

fn month_abbr(m: u8) -> &'static str {
    ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        [usize::from(m.clamp(1, 12) - 1)]
}

/// A span of time the list is filtered to: `from` up to, not including, `to` (minutes since
/// 1970-01-01, see `index::When`). An article with no date is in no period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Period {
    /// The first minute in it; `i64::MIN` for "since ever".
    pub from: i64,
    /// The first minute after it; `i64::MAX` for "until now".
    pub to: i64,
    /// The timeline bucket it was picked as, which names it.
    pub step: Option<Step>,
}

impl Period {
    /// Does it hold this minute?
    pub fn holds(&self, minute: i64) -> bool {
        (self.from..self.to).contains(&minute)
    }

    /// The period as a chip says it: a bucket's name, or its ends.
    pub fn label(&self) -> String {
        if let Some(step) = self.step {
            return step.label(self.from);
        }
        let day = minute_label;
        // A period ending at midnight ends with the day before.
        let last = |to: i64| if to.rem_euclid(1440) == 0 { day(to - 1440) } else { day(to) };
        match (self.from, self.to) {
            (i64::MIN, i64::MAX) => "any date".to_string(),
            (i64::MIN, to) => format!("until {}", last(to)),
            (from, i64::MAX) => format!("since {}", day(from)),
            (from, to) => format!("{} to {}", day(from), last(to)),
        }
    }
}

/// A minute since 1970-01-01 as `2016-04-26`, or `2016-04-26 19:30` when not at midnight.
pub fn minute_label(minute: i64) -> String {
    let (y, mo, d) = civil_from_days(minute.div_euclid(1440));
    match minute.rem_euclid(1440) {
        0 => format!("{y:04}-{mo:02}-{d:02}"),
        t => format!("{y:04}-{mo:02}-{d:02} {:02}:{:02}", t / 60, t % 60),
    }
}

/// One bar of a timeline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Bucket {
    /// Its first minute.
    pub from: i64,
    /// The first minute after it.
    pub to: i64,
    /// Articles published in it.
    pub articles: u32,
}

/// Articles counted per hour, day, week, month or year, every bucket from the first dated
/// article's to the last's (empty ones too: a gap in the coverage shows).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Timeline {
    /// The span of each bucket; None when no article has a date.
    pub step: Option<Step>,
    /// The buckets, oldest first.
    pub buckets: Vec<Bucket>,
    /// Articles with no date at all, counted apart.
    pub undated: usize,
}

impl Timeline {
    /// Count `articles` (store positions) by the finest step that keeps the timeline within
    /// `MAX_BUCKETS` buckets; hours only when every dated article has a time of day.
    pub fn over(index: &Index, articles: impl Iterator<Item = usize>) -> Timeline {
        let (mut lo, mut hi, mut undated, mut untimed) = (i64::MAX, i64::MIN, 0, false);
        let mut minutes: Vec<i64> = Vec::new();
        for a in articles {
            match index.article_when.get(a).copied().flatten() {
                Some(w) => {
                    lo = lo.min(w.minute);
                    hi = hi.max(w.minute);
                    untimed |= !w.timed;
                    minutes.push(w.minute);
                }
                None => undated += 1,
            }
        }
        if minutes.is_empty() {
            return Timeline { step: None, buckets: Vec::new(), undated };
        }
        let fits = |step: Step| {
            let (mut at, mut n) = (step.start(lo), 0);
            while at <= hi {
                at = step.next(at);
                n += 1;
                if n > MAX_BUCKETS {
                    return false;
                }
            }
            true
        };
        // Hours only when every dated article has a time, and only when they span more than one.
        let one_hour = Step::Hour.start(lo) == Step::Hour.start(hi);
        let step = Step::ALL
            .into_iter()
            .filter(|&s| s != Step::Hour || !(untimed || one_hour))
            .find(|&s| fits(s))
            .unwrap_or(Step::Year);
        let mut buckets = Vec::new();
        let mut at = step.start(lo);
        while at <= hi {
            let to = step.next(at);
            buckets.push(Bucket { from: at, to, articles: 0 });
            at = to;
        }
        for m in minutes {
            // Buckets are sorted and adjacent: the one holding `m` is found by its start.
            let i = buckets.partition_point(|b| b.to <= m);
            if let Some(b) = buckets.get_mut(i) {
                b.articles += 1;
            }
        }
        Timeline { step: Some(step), buckets, undated }
    }

    /// Dated articles.
    pub fn dated(&self) -> usize {
        self.buckets.iter().map(|b| b.articles as usize).sum()
    }

    /// The busiest buckets, busiest first (earlier first on a tie), at most `n`.
    pub fn busiest(&self, n: usize) -> Vec<usize> {
        let mut order: Vec<usize> =
            (0..self.buckets.len()).filter(|&i| self.buckets[i].articles > 0).collect();
        order.sort_by_key(|&i| (Reverse(self.buckets[i].articles), i));
        order.truncate(n);
        order
    }
}

/// Values of one group that differ from the group's most quoted value by more than this share
/// of it are marked: outlets disagree, or count different things under one name.
pub const DIFFER: f64 = 0.10;

/// One group of figures over a set of articles.
#[derive(Debug, Clone, PartialEq)]
pub struct GroupSummary {
    /// The group, by id in `index.figures`.
    pub group: u32,
    /// Articles quoting a value of it (an article quoting two values counts twice).
    pub quotes: u32,
    /// Its values (ids in `index.figures.values`) with the articles quoting each, largest value
    /// first.
    pub values: Vec<(u32, u32)>,
    /// The value most articles quote (the larger on a tie): others are compared with it.
    pub mode: u32,
    /// Many values, most quoted once: words that count many things ("people", "year"), not one
    /// thing outlets agree or disagree on. Listed after the others, never marked as differing.
    pub generic: bool,
}

/// A group with more values than this, most of them quoted once, counts many things.
const GENERIC_VALUES: usize = 8;

/// Values of one thing quoted by different outlets stay within this factor of each other;
/// a group spanning more ("20 years" and "6,000 years") counts many things.
const SPREAD: f64 = 20.0;

fn is_generic(values: usize, quotes: u32) -> bool {
    values > GENERIC_VALUES && values * 2 > quotes as usize
}

impl GroupSummary {
    /// Does this value differ from the group's most quoted one by more than `DIFFER`?
    pub fn differs(&self, index: &Index, value: u32) -> bool {
        if self.generic {
            return false;
        }
        let v = |id: u32| index.figures.values.get(id as usize).map_or(0.0, |v| v.value);
        let (x, m) = (v(value), v(self.mode));
        (x - m).abs() > DIFFER * m.abs().max(f64::MIN_POSITIVE)
    }

    /// Do any of its values differ (see `differs`)?
    pub fn disagree(&self, index: &Index) -> bool {
        self.values.iter().any(|&(v, _)| self.differs(index, v))
    }
}

/// The figure groups quoted in `articles`, at most `limit` of them and only groups `keep` lets
/// through: groups of one thing first (see `GroupSummary::generic`), then most quoted, most
/// values, and the group's first appearance.
pub fn figure_groups(
    index: &Index,
    articles: impl Iterator<Item = usize>,
    limit: usize,
    keep: &dyn Fn(u32) -> bool,
) -> (Vec<GroupSummary>, usize) {
    let table = &index.figures;
    let mut per_value = vec![0u32; table.values.len()];
    let mut touched: Vec<u32> = Vec::new();
    for a in articles {
        for &v in index.article_figures.get(a).map_or(&[][..], Vec::as_slice) {
            if let Some(c) = per_value.get_mut(v as usize) {
                if *c == 0 {
                    touched.push(v);
                }
                *c += 1;
            }
        }
    }
    let mut per_group = vec![0u32; table.groups()];
    let mut groups: Vec<u32> = Vec::new();
    for &v in &touched {
        let g = table.values[v as usize].group;
        if per_group[g as usize] == 0 {
            groups.push(g);
        }
        per_group[g as usize] += per_value[v as usize];
    }
    groups.retain(|&g| keep(g));
    let total = groups.len();
    // Per group: distinct values, and the smallest and largest of them.
    let mut spread = vec![(0u32, f64::MAX, 0.0f64); table.groups()];
    for &v in &touched {
        let fv = &table.values[v as usize];
        let s = &mut spread[fv.group as usize];
        *s = (s.0 + 1, s.1.min(fv.value.abs()), s.2.max(fv.value.abs()));
    }
    let generic = |g: u32| {
        let (values, lo, hi) = spread[g as usize];
        is_generic(values as usize, per_group[g as usize]) || (lo > 0.0 && hi / lo > SPREAD)
    };
    let rank = |g: &u32| (generic(*g), Reverse(per_group[*g as usize]), Reverse(spread[*g as usize].0), *g);
    if groups.len() > limit && limit > 0 {
        groups.select_nth_unstable_by_key(limit - 1, rank);
        groups.truncate(limit);
    }
    groups.sort_unstable_by_key(rank);
    let summaries = groups
        .into_iter()
        .map(|g| {
            let mut values: Vec<(u32, u32)> = table.group_values[g as usize]
                .iter()
                .filter(|&&v| per_value[v as usize] > 0)
                .map(|&v| (v, per_value[v as usize]))
                .collect();
            let value = |id: u32| table.values[id as usize].value;
            values.sort_by(|a, b| value(b.0).total_cmp(&value(a.0)).then(a.0.cmp(&b.0)));
            let mode = values
                .iter()
                .max_by(|a, b| a.1.cmp(&b.1).then(value(a.0).total_cmp(&value(b.0))))
                .map_or(0, |&(v, _)| v);
            let generic = generic(g);
            GroupSummary { group: g, quotes: per_group[g as usize], values, mode, generic }
        })
        .collect();
    (summaries, total)
}

/// A person, organisation or tag: what co-occurrence counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Entity {
    /// An id in `Index::people`.
    Person(EntityId),
    /// An id in `Index::orgs`.
    Org(EntityId),
    /// An id in `Index::tags`.
    Tag(EntityId),
}

impl Entity {
    /// Its display name.
    pub fn name(self, index: &Index) -> &str {
        match self {
            Entity::Person(id) => index.people.name(id),
            Entity::Org(id) => index.orgs.name(id),
            Entity::Tag(id) => index.tags.name(id),
        }
    }

    fn table(self, index: &Index) -> &[Mentions] {
        match self {
            Entity::Person(_) => &index.article_people,
            Entity::Org(_) => &index.article_orgs,
            Entity::Tag(_) => &index.article_tags,
        }
    }

    fn id(self) -> EntityId {
        match self {
            Entity::Person(id) | Entity::Org(id) | Entity::Tag(id) => id,
        }
    }

    /// Is it in this article?
    pub fn in_article(self, index: &Index, article: usize) -> bool {
        let id = self.id();
        self.table(index).get(article).is_some_and(|m| m.iter().any(|&(e, _)| e == id))
    }
}

/// Who appears with an entity: the people, organisations and tags sharing the most of the
/// given articles with it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Together {
    /// Articles holding the entity.
    pub articles: u32,
    /// Each other entity and the articles it shares, most first (then people, organisations,
    /// tags, then by id), at most the limit asked for.
    pub rows: Vec<(Entity, u32)>,
}

/// Who appears with `anchor` over `articles` (store positions), at most `limit` rows of those
/// `keep` lets through.
pub fn together(
    index: &Index,
    articles: impl Iterator<Item = usize>,
    anchor: Entity,
    limit: usize,
    keep: &dyn Fn(Entity) -> bool,
) -> Together {
    let mut people = vec![0u32; index.people.len()];
    let mut orgs = vec![0u32; index.orgs.len()];
    let mut tags = vec![0u32; index.tags.len()];
    let mut shared = 0;
    for a in articles.filter(|&a| anchor.in_article(index, a)) {
        shared += 1;
        for (table, counts) in [
            (&index.article_people, &mut people),
            (&index.article_orgs, &mut orgs),
            (&index.article_tags, &mut tags),
        ] {
            for &(id, _) in table.get(a).map_or(&[][..], Vec::as_slice) {
                if let Some(c) = counts.get_mut(id as usize) {
                    *c += 1;
                }
            }
        }
    }
    let mut rows: Vec<(Entity, u32)> = Vec::new();
    let found = |counts: &[u32], make: fn(EntityId) -> Entity, rows: &mut Vec<(Entity, u32)>| {
        for (id, &n) in counts.iter().enumerate() {
            let e = make(id as EntityId);
            if n > 0 && e != anchor && keep(e) {
                rows.push((e, n));
            }
        }
    };
    found(&people, Entity::Person, &mut rows);
    found(&orgs, Entity::Org, &mut rows);
    found(&tags, Entity::Tag, &mut rows);
    let rank = |r: &(Entity, u32)| (Reverse(r.1), r.0);
    if rows.len() > limit && limit > 0 {
        rows.select_nth_unstable_by_key(limit - 1, rank);
        rows.truncate(limit);
    }
    rows.sort_unstable_by_key(rank);
    Together { articles: shared, rows }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(y: i64, m: u8, d: u8, h: i64) -> i64 {
        days_from_civil(y, m, d) * 1440 + h * 60
    }

    #[test]
    fn buckets_start_on_the_hour_day_monday_month_and_year() {
        let t = at(2016, 4, 27, 9) + 17;
        assert_eq!(Step::Hour.start(t), at(2016, 4, 27, 9));
        assert_eq!(Step::Day.start(t), at(2016, 4, 27, 0));
        assert_eq!(Step::Week.start(t), at(2016, 4, 25, 0), "Monday 25 April");
        assert_eq!(Step::Month.start(t), at(2016, 4, 1, 0));
        assert_eq!(Step::Year.start(t), at(2016, 1, 1, 0));
        assert_eq!(Step::Month.next(at(2016, 12, 1, 0)), at(2017, 1, 1, 0));
        assert_eq!(Step::Day.label(at(2016, 4, 26, 0)), "Tue 26 Apr 2016");
        assert_eq!(Step::Hour.label(at(2015, 8, 6, 19)), "Thu 6 Aug 19:00");
        assert_eq!(Step::Week.label(at(2016, 4, 25, 0)), "w/c 25 Apr 2016");
    }

    #[test]
    fn periods_name_their_ends() {
        let p = Period { from: at(2016, 4, 1, 0), to: at(2016, 5, 1, 0), step: None };
        assert_eq!(p.label(), "2016-04-01 to 2016-04-30");
        let p = Period { from: at(2016, 4, 1, 0), to: i64::MAX, step: None };
        assert_eq!(p.label(), "since 2016-04-01");
        assert!(p.holds(at(2016, 4, 1, 0)) && !p.holds(at(2016, 3, 31, 23)));
    }
}
