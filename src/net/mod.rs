//! Team drills over the network: a host runs the one loop and every remote
//! person is a client of it (docs/protocol.md). The host sends each client
//! only what its person may see now; the client keeps a mirror of the drill
//! the window's panels read like a local one; a bot plays a script's part.

pub mod bot;
pub mod client;
pub mod codes;
pub mod host;
pub mod protocol;
pub mod tls;
