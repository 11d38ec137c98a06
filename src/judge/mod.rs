//! Judging a drill afterwards: the rubric's score, the After Action Report,
//! the attempt history and two runs compared. All of it reads the event log.

pub mod aar;
pub mod compare;
pub mod history;
pub mod score;
