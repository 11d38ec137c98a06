//! The icon set (assets/icons, drawn by assets/make_icons.py): roles,
//! message kinds, component kinds and health, plus the title art and the
//! window icon. Loaded through the asset server and handed to egui; panels
//! find them in egui's memory, so a panel drawn without a window (the
//! tests) shows none and loses nothing: every icon sits beside a word.

use std::collections::HashMap;
use std::sync::Arc;

use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, EguiTextureHandle, egui};

use crate::scenario::{ComponentKind, Role};
use crate::world::Health;
use crate::world::comms::MessageKind;

/// The title screen's art: light letters for the dark theme, dark for the light.
pub const TITLE: &str = "title.png";
pub const TITLE_ON_LIGHT: &str = "title-light.png";
/// The window's icon.
const WINDOW: &str = "icons/window.png";

/// The icon of a role.
pub fn role(role: &Role) -> &'static str {
    match role {
        Role::IC => "icons/roles/ic.png",
        Role::OL | Role::TeamLead(_) | Role::Responder => "icons/roles/ol.png",
        Role::CL => "icons/roles/cl.png",
        Role::PL => "icons/roles/pl.png",
        Role::Scribe => "icons/roles/scribe.png",
        Role::Observer => "icons/roles/observer.png",
    }
}

/// The icon of a message kind.
pub fn kind(kind: MessageKind) -> &'static str {
    match kind {
        MessageKind::Chat => "icons/kinds/chat.png",
        MessageKind::Order => "icons/kinds/order.png",
        MessageKind::Ack => "icons/kinds/ack.png",
        MessageKind::Report => "icons/kinds/report.png",
        MessageKind::Proposal => "icons/kinds/proposal.png",
        MessageKind::Decision => "icons/kinds/decision.png",
        MessageKind::Question => "icons/kinds/question.png",
        MessageKind::StatusUpdate => "icons/kinds/status_update.png",
    }
}

/// The icon of a component kind; a kind of the author's own gets a plain box.
pub fn component(kind: &ComponentKind) -> &'static str {
    match kind.as_str() {
        "service" => "icons/components/service.png",
        "database" => "icons/components/database.png",
        "storage" => "icons/components/storage.png",
        "queue" => "icons/components/queue.png",
        "third-party" => "icons/components/third-party.png",
        "frontend" => "icons/components/frontend.png",
        "network" => "icons/components/network.png",
        "host" => "icons/components/host.png",
        _ => "icons/components/other.png",
    }
}

/// The icon of a health state (a shape each: tick, triangle, stop sign).
pub fn health(health: Health) -> &'static str {
    match health {
        Health::Healthy => "icons/health/healthy.png",
        Health::Degraded => "icons/health/degraded.png",
        Health::Down => "icons/health/down.png",
    }
}

/// Every image file the game draws.
fn all() -> Vec<&'static str> {
    let mut paths = vec![TITLE, TITLE_ON_LIGHT];
    paths.extend(
        Role::COMMAND_ROLES
            .iter()
            .chain([&Role::Observer])
            .map(role),
    );
    paths.extend(MessageKind::ALL.map(kind));
    paths.extend(
        ComponentKind::KNOWN
            .iter()
            .chain(&["other"])
            .map(|k| component(&ComponentKind::named(k))),
    );
    paths.extend([Health::Healthy, Health::Degraded, Health::Down].map(health));
    paths
}

/// egui's texture for each loaded image, kept in egui's memory.
#[derive(Clone, Default)]
struct Textures(Arc<HashMap<&'static str, (egui::TextureId, egui::Vec2)>>);

fn key() -> egui::Id {
    egui::Id::new("firedrill-icons")
}

/// The texture and pixel size of an image, once loaded.
pub fn texture(ctx: &egui::Context, path: &str) -> Option<(egui::TextureId, egui::Vec2)> {
    ctx.data(|d| d.get_temp::<Textures>(key()))
        .and_then(|t| t.0.get(path).copied())
}

/// An icon `size` points high beside text, tinted; nothing before it is loaded.
pub fn show(ui: &mut egui::Ui, path: &'static str, size: f32, tint: egui::Color32) {
    if let Some((id, _)) = texture(ui.ctx(), path) {
        ui.add(egui::Image::new((id, egui::vec2(size, size))).tint(tint));
    }
}

/// Paints an icon into `rect` (for drawings such as the platform map).
pub fn paint(painter: &egui::Painter, path: &'static str, rect: egui::Rect, tint: egui::Color32) {
    if let Some((id, _)) = texture(painter.ctx(), path) {
        let uv = egui::Rect::from_min_max(egui::pos2(0.0, 0.0), egui::pos2(1.0, 1.0));
        painter.image(id, rect, uv, tint);
    }
}

pub(super) fn plugin(app: &mut App) {
    app.add_systems(Startup, load).add_systems(
        EguiPrimaryContextPass,
        install.run_if(resource_exists::<Loading>),
    );
    app.add_systems(Update, window_icon.run_if(resource_exists::<WindowIcon>));
}

/// Images being loaded; removed once egui has them.
#[derive(Resource)]
struct Loading(Vec<(&'static str, Handle<Image>)>);

/// The window icon being loaded; removed once the window wears it.
#[derive(Resource)]
struct WindowIcon(Handle<Image>);

fn load(mut commands: Commands, assets: Res<AssetServer>) {
    commands.insert_resource(Loading(
        all().into_iter().map(|p| (p, assets.load(p))).collect(),
    ));
    commands.insert_resource(WindowIcon(assets.load(WINDOW)));
}

fn install(
    mut commands: Commands,
    mut contexts: EguiContexts,
    loading: Res<Loading>,
    mut images: ResMut<Assets<Image>>,
    server: Res<AssetServer>,
) -> Result {
    let pending = loading
        .0
        .iter()
        .any(|(_, h)| images.get(h).is_none() && !server.load_state(h).is_failed());
    if pending {
        return Ok(());
    }
    let mut textures = HashMap::new();
    for (path, handle) in &loading.0 {
        let Some(mut image) = images.get_mut(handle) else {
            // The words beside every icon carry on without it.
            warn!("the icon {path} could not be loaded; it is left out");
            continue;
        };
        // PNG keeps colour and alpha apart; egui blends premultiplied colour.
        let rgba8 = image.texture_descriptor.format
            == bevy::render::render_resource::TextureFormat::Rgba8UnormSrgb;
        match image.data.as_mut() {
            Some(data) if rgba8 => premultiply(data),
            _ => {
                warn!(
                    "the icon {path} is not 8-bit RGBA (run assets/make_icons.py); it is left out"
                );
                continue;
            }
        }
        let size = egui::vec2(image.width() as f32, image.height() as f32);
        let id = contexts.add_image(EguiTextureHandle::Strong(handle.clone()));
        textures.insert(*path, (id, size));
    }
    let textures = Textures(Arc::new(textures));
    contexts
        .ctx_mut()?
        .data_mut(|d| d.insert_temp(key(), textures));
    commands.remove_resource::<Loading>();
    Ok(())
}

/// Multiplies each RGBA pixel's colour by its alpha, as egui blends
/// (in gamma space, as egui's own `Color32` does).
fn premultiply(rgba: &mut [u8]) {
    for pixel in rgba.chunks_exact_mut(4) {
        let a = u16::from(pixel[3]);
        for c in &mut pixel[..3] {
            *c = ((u16::from(*c) * a + 127) / 255) as u8;
        }
    }
}

/// Puts the icon on the window (task bars and window lists show it).
fn window_icon(
    mut commands: Commands,
    icon: Res<WindowIcon>,
    images: Res<Assets<Image>>,
    server: Res<AssetServer>,
    _main_thread: bevy::ecs::system::NonSendMarker,
) {
    if server.load_state(&icon.0).is_failed() {
        warn!("the window icon {WINDOW} could not be loaded");
        commands.remove_resource::<WindowIcon>();
        return;
    }
    let no_window = bevy::winit::WINIT_WINDOWS.with_borrow(|w| w.windows.is_empty());
    let Some(image) = images.get(&icon.0).filter(|_| !no_window) else {
        return; // not loaded, or no window yet
    };
    // Done whatever happens next: an icon is tried once.
    commands.remove_resource::<WindowIcon>();
    let Some(rgba) = image
        .clone()
        .try_into_dynamic()
        .ok()
        .map(|i| i.into_rgba8())
    else {
        warn!("the window icon {WINDOW} is not an RGBA image");
        return;
    };
    let (width, height) = rgba.dimensions();
    match winit::window::Icon::from_rgba(rgba.into_raw(), width, height) {
        Ok(made) => {
            bevy::winit::WINIT_WINDOWS.with_borrow(|windows| {
                for window in windows.windows.values() {
                    window.set_window_icon(Some(made.clone()));
                }
            });
            info!("window icon set ({width}x{height})");
        }
        Err(e) => warn!("the window icon {WINDOW} was refused: {e}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_icon_the_game_draws_is_a_png_in_assets() {
        let assets = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets");
        for path in all().into_iter().chain([WINDOW]) {
            let bytes = std::fs::read(assets.join(path))
                .unwrap_or_else(|e| panic!("assets/{path}: {e} (run assets/make_icons.py)"));
            assert!(
                bytes.starts_with(b"\x89PNG\r\n\x1a\n"),
                "assets/{path} is not a PNG"
            );
        }
    }

    #[test]
    fn colour_is_premultiplied_for_egui() {
        let mut pixels = [
            255, 255, 255, 102, 191, 191, 255, 4, 10, 20, 30, 255, 9, 9, 9, 0,
        ];
        premultiply(&mut pixels);
        assert_eq!(
            pixels,
            [102, 102, 102, 102, 3, 3, 4, 4, 10, 20, 30, 255, 0, 0, 0, 0]
        );
    }

    #[test]
    fn each_usual_component_kind_has_a_shape_of_its_own() {
        let mut seen = std::collections::BTreeSet::new();
        for kind in ComponentKind::KNOWN {
            let icon = component(&ComponentKind::named(kind));
            assert_ne!(
                icon,
                component(&ComponentKind::named("my-own-kind")),
                "{kind}"
            );
            assert!(seen.insert(icon), "{kind} shares {icon}");
        }
        // Every message kind and health state too.
        let shapes: std::collections::BTreeSet<_> = all().into_iter().collect();
        assert_eq!(shapes.len(), all().len(), "no two things share an icon");
    }
}
