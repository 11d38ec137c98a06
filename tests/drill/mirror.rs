//! A mirror told every event (what a game master's client is sent) shows
//! what the drill itself shows: the same people and roles, channels, status
//! page, ISD, alerts, platform health and work in flight. So a remote
//! client's panels, which read the mirror, read what a local window reads.

use firedrill::scenario::Role;
use firedrill::world::{Drill, Event};

use super::common::{play_to_end, scripts};

fn roles(d: &Drill) -> Vec<(Role, Option<String>)> {
    Role::COMMAND_ROLES
        .into_iter()
        .map(|r| {
            let holder = d.people().holder(&r).map(String::from);
            (r, holder)
        })
        .collect()
}

fn assert_shows_the_same(mirror: &Drill, drill: &Drill, what: &str) {
    assert_eq!(roles(mirror), roles(drill), "{what}: roles");
    assert_eq!(mirror.people().teams, drill.people().teams, "{what}: teams");
    assert_eq!(
        mirror.people().observers,
        drill.people().observers,
        "{what}: observers"
    );
    let present = |d: &Drill| -> Vec<(String, bool)> {
        let mut list: Vec<_> = d
            .people()
            .list
            .iter()
            .filter(|p| {
                p.present
                    || d.log()
                        .iter()
                        .any(|e| matches!(&e.event, Event::Joined { who, .. } if *who == p.id))
            })
            .map(|p| (p.id.clone(), p.present))
            .collect();
        list.sort();
        list
    };
    assert_eq!(present(mirror), present(drill), "{what}: who is here");
    assert_eq!(mirror.messages(), drill.messages(), "{what}: channels");
    assert_eq!(
        mirror.status_posts(),
        drill.status_posts(),
        "{what}: status page"
    );
    assert_eq!(mirror.isd(), drill.isd(), "{what}: ISD");
    let alerts = |d: &Drill| -> Vec<(bool, bool)> {
        d.alerts().iter().map(|a| (a.firing(), a.acked)).collect()
    };
    assert_eq!(alerts(mirror), alerts(drill), "{what}: alerts");
    assert_eq!(
        mirror.platform().health,
        drill.platform().health,
        "{what}: platform health"
    );
    assert_eq!(mirror.work(), drill.work(), "{what}: work in flight");
    assert_eq!(
        mirror.declared_at(),
        drill.declared_at(),
        "{what}: declared"
    );
    assert_eq!(
        mirror.resolved_at(),
        drill.resolved_at(),
        "{what}: resolved"
    );
    assert_eq!(mirror.outcome(), drill.outcome(), "{what}: outcome");
    assert_eq!(mirror.log(), drill.log(), "{what}: log");
}

#[test]
fn a_mirror_told_everything_shows_what_the_drill_shows() {
    for (path, loaded, script) in scripts() {
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let played = play_to_end(&loaded, &script, 1);
        let drill = played.drill();
        let mut mirror = Drill::mirror(drill.scenario().shared());
        for entry in drill.log() {
            mirror.absorb(entry);
        }
        mirror.absorb_readings(&drill.readings(true));
        assert_shows_the_same(&mirror, drill, &name);
        assert_eq!(
            mirror.platform().values,
            drill.platform().values,
            "{name}: readings"
        );
    }
}

#[test]
fn a_shared_scenario_holds_no_cause_no_finding_and_nothing_to_come() {
    for loaded in super::common::scenarios() {
        let shared = loaded.scenario.shared();
        let text = serde_json::to_string(&shared).unwrap();
        for fault in &loaded.scenario.faults {
            assert!(
                !text.contains(&fault.root_cause),
                "{}: the cause of {} is shared",
                loaded.scenario.id,
                fault.id
            );
        }
        for action in loaded
            .scenario
            .actions
            .iter()
            .filter(|a| !a.finding.is_empty())
        {
            assert!(
                !text.contains(&action.finding),
                "{}: a finding is shared",
                action.id
            );
        }
        for inject in &loaded.scenario.injects {
            assert!(!text.contains(&inject.text), "an inject to come is shared");
        }
        assert!(shared.indices_hold(), "{}", loaded.scenario.id);
        assert_eq!(shared.components.len(), loaded.scenario.components.len());
    }
}
