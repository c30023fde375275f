//! Builds the runtime's wasm blob (`WASM_BINARY`) with substrate-wasm-builder.
//!
//! `SKIP_WASM_BUILD=1` skips it (the native side then has `WASM_BINARY = None`), e.g. for
//! `cargo check` or clippy.

fn main() {
	#[cfg(feature = "std")]
	substrate_wasm_builder::WasmBuilder::build_using_defaults();
}
