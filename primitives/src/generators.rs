//! The generators of PROTOCOL.md section 2: `G_0 = G`, `G_l = HashToPoint(DST || u32le(l))`
//! for `l >= 1`, and the blinding generator `H`.
//!
//! Each generator is derived once per process (per runtime instance in wasm) on first use and
//! cached; the first [`CACHED_GENERATORS`] are kept, larger indices are derived on demand by
//! [`value_generators`] once per call. The fixed-base table for `H`, which speeds up the
//! constant-time multiplications of secrets by dealers and workers, is built lazily on first
//! use; the chain's checks use variable-time multiscalar multiplication and never build it.

use alloc::{boxed::Box, vec::Vec};
use curve25519_dalek::{
	constants::{RISTRETTO_BASEPOINT_POINT, RISTRETTO_BASEPOINT_TABLE},
	ristretto::{RistrettoBasepointTable, RistrettoPoint},
};
use once_cell::race::OnceBox;

use crate::{
	domain::{DST_BLINDING_GENERATOR, DST_GENERATOR},
	hash::Transcript,
};

/// How many value generators `G_0..G_{N-1}` are cached after first use.
pub const CACHED_GENERATORS: usize = 64;

static VALUE_GENERATORS: [OnceBox<RistrettoPoint>; CACHED_GENERATORS] =
	[const { OnceBox::new() }; CACHED_GENERATORS];
static BLINDING_GENERATOR: OnceBox<RistrettoPoint> = OnceBox::new();
static BLINDING_TABLE: OnceBox<RistrettoBasepointTable> = OnceBox::new();

fn derive_value_generator(l: u32) -> RistrettoPoint {
	if l == 0 {
		RISTRETTO_BASEPOINT_POINT
	} else {
		let mut t = Transcript::new(DST_GENERATOR);
		t.append_u32(l);
		t.finalize_point()
	}
}

/// `G_l`, the generator of vector component `l`.
pub fn value_generator(l: u32) -> RistrettoPoint {
	match VALUE_GENERATORS.get(l as usize) {
		Some(cell) => *cell.get_or_init(|| Box::new(derive_value_generator(l))),
		None => derive_value_generator(l),
	}
}

/// `G_0..G_{d-1}`.
pub fn value_generators(d: usize) -> Vec<RistrettoPoint> {
	(0..d as u32).map(value_generator).collect()
}

/// `H`, the blinding generator.
pub fn blinding_generator() -> RistrettoPoint {
	*BLINDING_GENERATOR
		.get_or_init(|| Box::new(Transcript::new(DST_BLINDING_GENERATOR).finalize_point()))
}

/// Fixed-base table of `G` for constant-time multiplication of secrets.
pub(crate) fn basepoint_table() -> &'static RistrettoBasepointTable {
	RISTRETTO_BASEPOINT_TABLE
}

/// Fixed-base table of `H` for constant-time multiplication of secrets.
pub(crate) fn blinding_table() -> &'static RistrettoBasepointTable {
	BLINDING_TABLE.get_or_init(|| Box::new(RistrettoBasepointTable::create(&blinding_generator())))
}

#[cfg(test)]
mod tests {
	use super::*;
	use curve25519_dalek::scalar::Scalar;

	#[test]
	fn cached_and_uncached_generators_agree() {
		for l in [0u32, 1, 2, 63] {
			assert_eq!(value_generator(l), derive_value_generator(l));
		}
		assert_eq!(value_generator(64), derive_value_generator(64));
		assert_ne!(value_generator(1), value_generator(2));
		assert_ne!(value_generator(1), blinding_generator());
	}

	#[test]
	fn blinding_table_multiplies_by_h() {
		let s = Scalar::from(987_654_321u64);
		assert_eq!(blinding_table() * &s, blinding_generator() * s);
		assert_eq!(basepoint_table() * &s, RISTRETTO_BASEPOINT_POINT * s);
	}
}
