//! The load on each person in a command role: what waits for them, what
//! they wait for, what is overdue, and how many people report to them.

use crate::base::time::{MINUTE, Tick, clock};
use crate::scenario::Role;
use crate::world::Drill;
use crate::world::comms::{Channel, MessageKind};

/// How often the OL owes the IC a report.
const OL_REPORT_EVERY: Tick = 10 * MINUTE;

/// One person holding command roles, and what is on their plate.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct RoleLoad {
    pub who: String,
    pub name: String,
    pub roles: Vec<Role>,
    /// Questions put to them and orders to them not yet acknowledged.
    pub pending_asks: Vec<String>,
    /// Orders they gave that nobody has acknowledged.
    pub unacked_orders: Vec<String>,
    /// Reports, updates and status posts past their time.
    pub overdue: Vec<String>,
    /// How many people report to them directly.
    pub span: usize,
}

impl RoleLoad {
    /// A rough count of what needs their attention (the view sorts by it).
    pub fn weight(&self) -> usize {
        self.pending_asks.len() + self.unacked_orders.len() + self.overdue.len()
    }
}

/// The load on everyone holding a command role or leading a team, IC first.
pub fn load(drill: &Drill) -> Vec<RoleLoad> {
    let people = &drill.people();
    let now = drill.now();
    let mut holders: Vec<&str> = Vec::new();
    let roles = Role::COMMAND_ROLES
        .into_iter()
        .chain(people.teams.keys().map(|t| Role::TeamLead(t.clone())));
    for role in roles {
        let holder = match &role {
            Role::TeamLead(team) => people.teams.get(team).map(|t| t.lead.as_str()),
            r => people.holder(r),
        };
        if let Some(id) = holder
            && !holders.contains(&id)
        {
            holders.push(id);
        }
    }
    holders
        .into_iter()
        .map(|id| {
            let name = |who: &str| people.get(who).map_or(who.to_string(), |p| p.name.clone());
            let mut pending_asks: Vec<String> = drill
                .orders()
                .iter()
                .filter(|o| o.is_open() && o.to.as_deref() == Some(id) && o.acked_at.is_none())
                .map(|o| format!("order from {} at {}", name(&o.from), clock(o.at)))
                .collect();
            pending_asks.extend(
                unanswered_questions(drill, id)
                    .into_iter()
                    .map(|(at, from)| format!("question from {} at {}", name(&from), clock(at))),
            );
            let unacked_orders = drill
                .orders()
                .iter()
                .filter(|o| o.is_open() && o.from == id && o.acked_at.is_none())
                .map(|o| match &o.to {
                    Some(to) => format!("to {} at {}", name(to), clock(o.at)),
                    None => format!("to nobody in particular at {}", clock(o.at)),
                })
                .collect();
            let mut overdue: Vec<String> = drill
                .orders()
                .iter()
                .filter(|o| {
                    o.is_open()
                        && o.reported_at.is_none()
                        && o.due.is_some_and(|d| d < now)
                        && (o.from == id || o.to.as_deref() == Some(id))
                })
                .map(|o| {
                    let who = o.to.as_deref().map_or("nobody".to_string(), name);
                    format!("report from {who} due {}", clock(o.due.unwrap_or_default()))
                })
                .collect();
            overdue.extend(role_duties(drill, id));
            RoleLoad {
                who: id.to_string(),
                name: name(id),
                roles: people.roles_of(id),
                pending_asks,
                unacked_orders,
                overdue,
                span: people
                    .list
                    .iter()
                    .filter(|p| p.present && p.id != id && people.supervisor_of(&p.id) == Some(id))
                    .count(),
            }
        })
        .collect()
}

/// Questions naming `id` (or, for the CL, from executives) with no later word from them there.
fn unanswered_questions(drill: &Drill, id: &str) -> Vec<(Tick, String)> {
    let is_cl = drill.people().holds(id, &Role::CL);
    let mut spoke_since: Vec<&Channel> = Vec::new();
    let mut out = Vec::new();
    for m in drill.messages().iter().rev() {
        if m.from == id {
            if !spoke_since.contains(&&m.channel) {
                spoke_since.push(&m.channel);
            }
            continue;
        }
        let to_them = m.mentions.iter().any(|x| x == id)
            || (is_cl
                && matches!(m.channel, Channel::Executive | Channel::Liaison)
                && drill.people().get(&m.from).is_none());
        if m.kind == MessageKind::Question && to_them && !spoke_since.contains(&&m.channel) {
            out.push((m.at, m.from.clone()));
        }
    }
    out.reverse();
    out
}

/// Duties of the CL and the OL that have run late.
fn role_duties(drill: &Drill, id: &str) -> Vec<String> {
    let now = drill.now();
    let mut out = Vec::new();
    if drill.people().holds(id, &Role::CL)
        && let Some(next) = drill.status_posts().last().and_then(|p| p.next_update)
        && next < now
        && drill.resolved_at().is_none()
    {
        out.push(format!("status page update promised for {}", clock(next)));
    }
    if drill.people().holds(id, &Role::OL)
        && !drill.people().holds(id, &Role::IC)
        && drill.declared_at().is_some()
        && drill.resolved_at().is_none()
    {
        let last = drill
            .messages()
            .iter()
            .rev()
            .find(|m| m.from == id && m.kind == MessageKind::Report)
            .map(|m| m.at);
        let since = last.or(drill.declared_at()).unwrap_or(0);
        if now.saturating_sub(since) > OL_REPORT_EVERY {
            out.push(format!(
                "report to the IC (last {})",
                last.map_or("never".to_string(), clock)
            ));
        }
    }
    out
}
