//! Colours, sizes and the egui style, set from the settings.

use bevy::asset::io::Reader;
use bevy::asset::{AssetLoader, LoadContext};
use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

use super::settings::{Settings, Theme};
use crate::world::Health;

pub(super) fn plugin(app: &mut App) {
    app.init_asset::<FontBytes>()
        .init_asset_loader::<FontBytesLoader>()
        .add_systems(Startup, load_font)
        .add_systems(
            EguiPrimaryContextPass,
            (
                apply_style.run_if(resource_changed::<Settings>),
                install_font.run_if(resource_exists::<UiFont>),
                count_font_frames,
            ),
        );
}

/// Frames drawn since the UI font was installed (0: not yet), so pictures
/// wait until text is drawn in it (the frame that swaps the font atlas may
/// show no text at all).
static FONT_FRAMES: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);

/// Whether text has been drawn in the UI font for a few frames.
pub fn fonts_settled() -> bool {
    FONT_FRAMES.load(std::sync::atomic::Ordering::Relaxed) > 3
}

fn count_font_frames() {
    let frames = FONT_FRAMES.load(std::sync::atomic::Ordering::Relaxed);
    if frames > 0 {
        FONT_FRAMES.store(
            frames.saturating_add(1),
            std::sync::atomic::Ordering::Relaxed,
        );
    }
}

/// The UI's text font, as read from assets/fonts.
#[derive(Asset, TypePath, Debug)]
pub struct FontBytes(pub Vec<u8>);

/// Reads a TrueType font's bytes for egui (which lays out text itself).
#[derive(Default, TypePath)]
struct FontBytesLoader;

impl AssetLoader for FontBytesLoader {
    type Asset = FontBytes;
    type Settings = ();
    type Error = std::io::Error;

    async fn load(
        &self,
        reader: &mut dyn Reader,
        _settings: &(),
        _context: &mut LoadContext<'_>,
    ) -> Result<FontBytes, Self::Error> {
        let mut bytes = Vec::new();
        reader.read_to_end(&mut bytes).await?;
        Ok(FontBytes(bytes))
    }

    fn extensions(&self) -> &[&str] {
        &["ttf"]
    }
}

/// The font being loaded; removed once egui has it.
#[derive(Resource)]
struct UiFont(Handle<FontBytes>);

/// The UI font (see assets/CREDITS.md).
pub const UI_FONT: &str = "fonts/DejaVuSans.ttf";

fn load_font(mut commands: Commands, assets: Res<AssetServer>) {
    commands.insert_resource(UiFont(assets.load(UI_FONT)));
}

/// Once loaded, the font comes first for text; egui's own fonts stay
/// behind it for emoji and any glyph it lacks.
fn install_font(
    mut commands: Commands,
    mut contexts: EguiContexts,
    font: Res<UiFont>,
    fonts: Res<Assets<FontBytes>>,
    server: Res<AssetServer>,
) -> Result {
    let Some(bytes) = fonts.get(&font.0) else {
        if server.load_state(&font.0).is_failed() {
            // egui's own fonts carry on; the game is as usable.
            warn!("the UI font {UI_FONT} could not be loaded; using egui's");
            commands.remove_resource::<UiFont>();
            FONT_FRAMES.store(1, std::sync::atomic::Ordering::Relaxed);
        }
        return Ok(());
    };
    let mut definitions = egui::FontDefinitions::default();
    definitions.font_data.insert(
        "ui".into(),
        std::sync::Arc::new(egui::FontData::from_owned(bytes.0.clone())),
    );
    definitions
        .families
        .entry(egui::FontFamily::Proportional)
        .or_default()
        .insert(0, "ui".into());
    contexts.ctx_mut()?.set_fonts(definitions);
    commands.remove_resource::<UiFont>();
    FONT_FRAMES.store(1, std::sync::atomic::Ordering::Relaxed);
    Ok(())
}

fn apply_style(mut contexts: EguiContexts, settings: Res<Settings>) -> Result {
    let ctx = contexts.ctx_mut()?;
    ctx.set_visuals(visuals(settings.theme));
    ctx.all_styles_mut(type_and_spacing);
    ctx.set_zoom_factor(settings.ui_scale.clamp(0.5, 3.0));
    Ok(())
}

/// Firedrill's accent: the Okabe-Ito blue, apart from every health colour.
pub const ACCENT: egui::Color32 = egui::Color32::from_rgb(0, 114, 178);

/// Firedrill's look on egui's light or dark base: a slate background a
/// little blue (a control room at night, or paper by day), the accent for
/// selection and links, softer corners.
pub fn visuals(theme: Theme) -> egui::Visuals {
    let mut v = match theme {
        Theme::Dark => egui::Visuals::dark(),
        Theme::Light => egui::Visuals::light(),
    };
    let (panel, window, extreme) = match theme {
        Theme::Dark => (
            egui::Color32::from_rgb(24, 28, 36),
            egui::Color32::from_rgb(30, 35, 45),
            egui::Color32::from_rgb(14, 17, 23),
        ),
        Theme::Light => (
            egui::Color32::from_rgb(244, 246, 249),
            egui::Color32::from_rgb(252, 253, 255),
            egui::Color32::WHITE,
        ),
    };
    v.panel_fill = panel;
    v.window_fill = window;
    v.extreme_bg_color = extreme;
    v.hyperlink_color = match theme {
        Theme::Dark => egui::Color32::from_rgb(86, 180, 233),
        Theme::Light => ACCENT,
    };
    v.selection.bg_fill = ACCENT;
    v.selection.stroke.color = egui::Color32::WHITE;
    let corner = egui::CornerRadius::same(5);
    v.window_corner_radius = egui::CornerRadius::same(8);
    for w in [
        &mut v.widgets.noninteractive,
        &mut v.widgets.inactive,
        &mut v.widgets.hovered,
        &mut v.widgets.active,
        &mut v.widgets.open,
    ] {
        w.corner_radius = corner;
    }
    v
}

/// Firedrill's type sizes and spacing: text a little larger than egui's
/// (read at arm's length during a drill), buttons with room around their
/// words, rows a little apart.
pub fn type_and_spacing(style: &mut egui::Style) {
    use egui::{FontFamily, FontId, TextStyle};
    style.text_styles = [
        (
            TextStyle::Small,
            FontId::new(10.5, FontFamily::Proportional),
        ),
        (TextStyle::Body, FontId::new(13.5, FontFamily::Proportional)),
        (
            TextStyle::Button,
            FontId::new(13.5, FontFamily::Proportional),
        ),
        (
            TextStyle::Heading,
            FontId::new(19.0, FontFamily::Proportional),
        ),
        (
            TextStyle::Monospace,
            FontId::new(12.5, FontFamily::Monospace),
        ),
    ]
    .into();
    style.spacing.item_spacing = egui::vec2(8.0, 4.0);
    style.spacing.button_padding = egui::vec2(6.0, 2.0);
    style.spacing.window_margin = egui::Margin::same(10);
}

/// The Okabe-Ito colours that carry meaning (health, score bands); they
/// stay apart under protanopia and deuteranopia (`.ci/cvd.py` looks for
/// these on the screenshots).
pub const BLUISH_GREEN: egui::Color32 = egui::Color32::from_rgb(0, 158, 115);
pub const SKY_BLUE: egui::Color32 = egui::Color32::from_rgb(86, 180, 233);
pub const ORANGE: egui::Color32 = egui::Color32::from_rgb(230, 159, 0);
pub const VERMILLION: egui::Color32 = egui::Color32::from_rgb(213, 94, 0);

/// A score band's colour, always beside its letter: the hues of health, in
/// order (P bluish green, S sky blue, M orange, U vermillion).
pub fn band_colour(band: Option<crate::judge::score::Band>) -> egui::Color32 {
    use crate::judge::score::Band;
    match band {
        Some(Band::P) => BLUISH_GREEN,
        Some(Band::S) => SKY_BLUE,
        Some(Band::M) => ORANGE,
        Some(Band::U) => VERMILLION,
        None => egui::Color32::GRAY,
    }
}

/// Health shown by colour (and always by a word and a symbol too), from the
/// Okabe-Ito palette, which stays apart under protanopia and deuteranopia:
/// bluish green, orange, vermillion, each light enough for black text.
pub fn health_colour(health: Health) -> egui::Color32 {
    match health {
        Health::Healthy => BLUISH_GREEN,
        Health::Degraded => ORANGE,
        Health::Down => VERMILLION,
    }
}

/// A word for the health, so colour is never the only signal.
pub fn health_label(health: Health) -> &'static str {
    match health {
        Health::Healthy => "OK",
        Health::Degraded => "DEGRADED",
        Health::Down => "DOWN",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Viénot, Brettel and Mollon (1999), in linear RGB: how a person with
    /// protanopia or deuteranopia sees a colour.
    const SIMULATIONS: [(&str, [[f64; 3]; 3]); 3] = [
        (
            "normal vision",
            [[1.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 1.0]],
        ),
        (
            "protanopia",
            [
                [0.11238, 0.88762, 0.0],
                [0.11238, 0.88762, 0.0],
                [0.00401, -0.00401, 1.0],
            ],
        ),
        (
            "deuteranopia",
            [
                [0.29275, 0.70725, 0.0],
                [0.29275, 0.70725, 0.0],
                [-0.02234, 0.02234, 1.0],
            ],
        ),
    ];

    /// CIE L*a*b* of a colour as seen through a simulation.
    fn seen(colour: egui::Color32, m: &[[f64; 3]; 3]) -> [f64; 3] {
        let linear = |c: u8| {
            let c = f64::from(c) / 255.0;
            if c <= 0.04045 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        let rgb = [linear(colour.r()), linear(colour.g()), linear(colour.b())];
        let [r, g, b] = [0, 1, 2].map(|i| (0..3).map(|j| m[i][j] * rgb[j]).sum::<f64>().max(0.0));
        let xyz = [
            (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047,
            0.2126 * r + 0.7152 * g + 0.0722 * b,
            (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883,
        ];
        let f = |t: f64| {
            if t > 0.008856 {
                t.cbrt()
            } else {
                7.787 * t + 16.0 / 116.0
            }
        };
        let [fx, fy, fz] = xyz.map(f);
        [116.0 * fy - 16.0, 500.0 * (fx - fy), 200.0 * (fy - fz)]
    }

    /// Fails unless every pair of `colours` is at least `needed(a, b)` ΔE
    /// apart under each simulation.
    fn assert_apart<T: Copy + PartialEq + std::fmt::Debug>(
        colours: &[(T, egui::Color32)],
        needed: impl Fn(T, T) -> f64,
    ) {
        for (who, m) in &SIMULATIONS {
            for (i, &(a, ca)) in colours.iter().enumerate() {
                for &(b, cb) in &colours[i + 1..] {
                    let (x, y) = (seen(ca, m), seen(cb, m));
                    let distance = (0..3).map(|k| (x[k] - y[k]).powi(2)).sum::<f64>().sqrt();
                    assert!(
                        distance >= needed(a, b),
                        "{a:?} and {b:?} are only ΔE {distance:.1} apart for {who}"
                    );
                }
            }
        }
    }

    #[test]
    fn health_colours_stay_apart_for_colour_blind_trainees() {
        let health =
            [Health::Healthy, Health::Degraded, Health::Down].map(|h| (h, health_colour(h)));
        // ΔE 18 and more is told apart at a glance; healthy and down, the
        // pair that matters most, much more.
        assert_apart(&health, |a, b| {
            if (a, b) == (Health::Healthy, Health::Down) {
                30.0
            } else {
                18.0
            }
        });
        // And never by colour alone.
        assert_ne!(health_label(Health::Degraded), health_label(Health::Down));
    }

    #[test]
    fn score_bands_stay_apart_for_colour_blind_trainees() {
        use crate::judge::score::Band;
        let bands = [Band::P, Band::S, Band::M, Band::U].map(|b| (b, band_colour(Some(b))));
        assert_apart(&bands, |a, b| {
            if (a, b) == (Band::P, Band::U) {
                30.0
            } else {
                15.0
            }
        });
    }
}
