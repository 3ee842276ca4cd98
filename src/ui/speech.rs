//! "Listen": reads the article aloud with the Web Speech API. Placeholder until
//! the speech control lands; renders nothing.

use super::Instance;
use leptos::prelude::*;

pub fn listen_view(_inst: Instance) -> impl IntoView {}
