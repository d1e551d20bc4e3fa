//! Chart specs drawn with plotters, one file per shape over one [`canvas`].

pub mod bar;
pub mod canvas;
pub mod heatmap;
pub mod line;
pub mod map;
pub mod scatter;
