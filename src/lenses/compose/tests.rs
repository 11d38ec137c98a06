//! The composer language: orders, roles, reports, status posts, mentions.

use super::*;
use crate::testing::drill;
use crate::world::comms::StatusState;

fn run(input: &str) -> Result<Command, String> {
    let d = drill();
    let cx = Context {
        scenario: d.scenario(),
        people: d.people(),
        channel: Channel::CommandPost,
        kind: MessageKind::Chat,
        affected: vec!["Web app".into()],
    };
    parse(input, &cx)
}

#[test]
fn an_order_names_owner_task_and_time_box() {
    assert_eq!(
        run("/order @Ben fail over the db with free 5m").unwrap(),
        Command::Order {
            to: Some("ben".into()),
            task: Task::Run("free".into()),
            timebox: Some(Dur(300)),
            text: "@ben fail over the db with free 5m".into()
        }
    );
    assert!(
        matches!(run("/order @ana investigate db, report in 10m").unwrap(), Command::Order { task: Task::Investigate(c), timebox: Some(Dur(600)), .. } if c == "db")
    );
    assert!(
        matches!(run("/order @ana calm the executives").unwrap(), Command::Order { task: Task::Free(t), timebox: None, .. } if t == "calm the executives")
    );
    assert!(
        run("/order @zed do it 5m")
            .unwrap_err()
            .contains("nobody called @zed")
    );
    assert!(run("/order ana do it").unwrap_err().contains("@name"));
}

#[test]
fn roles_reports_and_status_posts() {
    assert!(
        matches!(run("/assign @ben OL you own production").unwrap(), Command::Assign { role: Role::OL, to, briefing } if to == "ben" && briefing == "you own production")
    );
    assert!(
        run("/handoff @ben IC")
            .unwrap_err()
            .contains("needs a briefing")
    );
    assert_eq!(
        run("/declare sev1").unwrap(),
        Command::Declare(Severity::Sev1)
    );
    assert!(
        matches!(run("/report @ana C: db full A: freeing space N: nothing").unwrap(),
        Command::Report { to: Some(to), conditions, needs, .. } if to == "ana" && conditions == "db full" && needs == "nothing")
    );
    assert!(
        run("/report all fine")
            .unwrap_err()
            .contains("C: conditions")
    );
    assert!(
        matches!(run("/status identified Orders may fail. next 20m").unwrap(),
        Command::PostStatus { state: StatusState::Identified, next_update: Some(Dur(1200)), impact, components, .. } if impact == "Orders may fail." && components == ["Web app"])
    );
    assert!(
        matches!(run("/team db @raj").unwrap(), Command::CreateTeam { team, lead } if team == "db" && lead == "raj")
    );
    assert!(
        matches!(run("/team db +@tom").unwrap(), Command::JoinTeam { person, .. } if person == "tom")
    );
}

#[test]
fn plain_text_is_a_message_of_the_chosen_kind_and_typos_get_hints() {
    assert_eq!(
        run("looking at it").unwrap(),
        Command::Say {
            channel: Channel::CommandPost,
            kind: MessageKind::Chat,
            text: "looking at it".into()
        }
    );
    assert!(
        run("/ordr @ben x")
            .unwrap_err()
            .contains("did you mean /order")
    );
    assert!(run("/run fre").unwrap_err().contains("did you mean free"));
    assert!(run("").is_err());
}

#[test]
fn mentions_complete_from_ids_and_names() {
    let mut d = drill();
    crate::testing::idle_until(&mut d, 130);
    assert_eq!(complete_mention("@r", d.people()), ["raj", "riley"]);
    assert_eq!(resolve_person("Raj", d.people()).unwrap(), "raj");
}

#[test]
fn a_status_post_lists_what_customers_feel_now_or_what_the_last_post_listed() {
    use crate::testing::{act, idle_until};
    let mut d = drill();
    assert!(affected_components(&d).is_empty(), "nothing is wrong yet");
    let half = d.scenario().time_limit / 2;
    idle_until(&mut d, half);
    let now = affected_components(&d);
    let customer_facing: Vec<&str> = d
        .scenario()
        .components
        .iter()
        .filter(|c| c.customers.is_some())
        .map(|c| c.name.as_str())
        .collect();
    assert!(
        !now.is_empty() && now.iter().all(|n| customer_facing.contains(&n.as_str())),
        "{now:?}"
    );
    act(
        &mut d,
        "ana",
        Command::PostStatus {
            state: StatusState::Investigating,
            impact: "x".into(),
            components: vec!["Listed before".into()],
            next_update: None,
            text: String::new(),
        },
    );
    assert_eq!(
        affected_components(&d),
        now,
        "impaired components win while they last"
    );
}
