//! The component dependency graph must be acyclic: impairment flows from
//! dependencies to dependents in one pass.

use crate::base::diagnostic::{Diagnostic, Source};
use crate::scenario::model::{Component, ComponentIdx};

/// Dependencies-first order of components, or a located error naming a cycle.
pub(super) fn topological_order(
    components: &[Component],
    source: &Source,
    e: &mut Vec<Diagnostic>,
) -> Vec<ComponentIdx> {
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        New,
        Open,
        Done,
    }
    let mut marks = vec![Mark::New; components.len()];
    let mut order = Vec::with_capacity(components.len());
    for root in 0..components.len() {
        if marks[root] != Mark::New {
            continue;
        }
        // Iterative depth-first search: (node, next dependency to visit).
        let mut stack = vec![(root, 0usize)];
        marks[root] = Mark::Open;
        while let Some(&mut (node, ref mut next)) = stack.last_mut() {
            if let Some(&(dep, _)) = components[node].depends_on.get(*next) {
                *next += 1;
                match marks[dep] {
                    Mark::New => {
                        marks[dep] = Mark::Open;
                        stack.push((dep, 0));
                    }
                    Mark::Open => {
                        let start = stack.iter().position(|(n, _)| *n == dep).unwrap_or(0);
                        let mut cycle: Vec<&str> = stack[start..]
                            .iter()
                            .map(|(n, _)| components[*n].id.as_str())
                            .collect();
                        cycle.push(&components[dep].id);
                        e.push(source.at(
                            source.locate_in(&components[node].id, &components[dep].id),
                            format!("dependency cycle: {}", cycle.join(" -> ")),
                            Some(format!("a component cannot depend on itself through others; remove one edge, e.g. `{}` from `{}`", components[dep].id, components[node].id)),
                        ));
                        return order;
                    }
                    Mark::Done => {}
                }
            } else {
                marks[node] = Mark::Done;
                order.push(node);
                stack.pop();
            }
        }
    }
    order
}
