//! Values of PROTOCOL.md section 4: signed integers as scalars, and the exact decoding of an
//! output back to a signed integer.
//!
//! Encoding `v >= 0 -> v`, `v < 0 -> l - |v|` is done in constant time (an input's sign is
//! private). Decoding works on public outputs: `s <= (l-1)/2` decodes to `+s`, otherwise to
//! `s - l`. The decoded integer is kept exactly ([`DecodedValue`], up to 252 bits), so a sum
//! that leaves the i128 range is reported as an overflow, never wrapped, and a mean
//! `floor(y / |Q|)` is computed from the exact sum.

use core::{cmp::Ordering, fmt};
use subtle::{Choice, ConditionallySelectable};

use crate::Scalar;

/// Encodes an `i128` as a scalar (PROTOCOL.md section 4), in constant time.
pub fn encode_value(v: i128) -> Scalar {
	let magnitude = Scalar::from(v.unsigned_abs());
	let negative = Choice::from(((v as u128) >> 127) as u8);
	Scalar::conditional_select(&magnitude, &-magnitude, negative)
}

/// An exact signed integer decoded from a scalar: `|value| <= (l-1)/2 < 2^252`.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct DecodedValue {
	negative: bool,
	/// Little-endian 64-bit limbs of `|value|`.
	magnitude: [u64; 4],
}

impl DecodedValue {
	/// Decodes a scalar per PROTOCOL.md section 4.
	pub fn from_scalar(s: &Scalar) -> Self {
		let positive = limbs(&s.to_bytes());
		let negated = limbs(&(-*s).to_bytes());
		// `s <= (l-1)/2` exactly when `l - s > s` (and for zero, `l - 0` reduces to `0`).
		if compare(&negated, &positive) == Ordering::Less {
			Self { negative: true, magnitude: negated }
		} else {
			Self { negative: false, magnitude: positive }
		}
	}

	/// Whether the value is below zero.
	pub fn is_negative(&self) -> bool {
		self.negative
	}

	/// The value as `i128`, or `None` when it lies outside the i128 range.
	pub fn to_i128(&self) -> Option<i128> {
		let [lo, hi, w2, w3] = self.magnitude;
		if w2 != 0 || w3 != 0 {
			return None;
		}
		let m = (u128::from(hi) << 64) | u128::from(lo);
		if self.negative {
			0i128.checked_sub_unsigned(m)
		} else {
			i128::try_from(m).ok()
		}
	}

	/// `floor(self / count)`, rounded toward negative infinity (PROTOCOL.md section 8, the
	/// mean). `None` when `count` is zero.
	pub fn floor_div(&self, count: u64) -> Option<Self> {
		if count == 0 {
			return None;
		}
		let (mut q, r) = div_rem(&self.magnitude, count);
		if self.negative && r != 0 {
			// -m / c rounded down is -(ceil(m / c)).
			add_one(&mut q);
		}
		let negative = self.negative && q != [0; 4];
		Some(Self { negative, magnitude: q })
	}
}

impl fmt::Debug for DecodedValue {
	fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
		fmt::Display::fmt(self, f)
	}
}

/// Decimal, with a leading `-` for negative values.
impl fmt::Display for DecodedValue {
	fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
		// 2^252 has 76 decimal digits.
		let mut digits = [0u8; 80];
		let mut len = 0;
		let mut m = self.magnitude;
		loop {
			let (q, r) = div_rem(&m, 10);
			if let Some(slot) = digits.get_mut(len) {
				*slot = b'0' + r as u8;
			}
			len += 1;
			m = q;
			if m == [0; 4] {
				break;
			}
		}
		if self.negative {
			write!(f, "-")?;
		}
		for d in digits.iter().take(len).rev() {
			write!(f, "{}", *d as char)?;
		}
		Ok(())
	}
}

fn limbs(bytes: &[u8; 32]) -> [u64; 4] {
	let mut out = [0u64; 4];
	for (limb, chunk) in out.iter_mut().zip(bytes.chunks_exact(8)) {
		let mut b = [0u8; 8];
		b.copy_from_slice(chunk);
		*limb = u64::from_le_bytes(b);
	}
	out
}

fn compare(a: &[u64; 4], b: &[u64; 4]) -> Ordering {
	a.iter().rev().cmp(b.iter().rev())
}

fn div_rem(m: &[u64; 4], divisor: u64) -> ([u64; 4], u64) {
	let mut q = [0u64; 4];
	let mut rem: u128 = 0;
	for (qi, mi) in q.iter_mut().zip(m.iter()).rev() {
		let cur = (rem << 64) | u128::from(*mi);
		*qi = (cur / u128::from(divisor)) as u64;
		rem = cur % u128::from(divisor);
	}
	(q, rem as u64)
}

fn add_one(m: &mut [u64; 4]) {
	for limb in m.iter_mut() {
		let (v, carry) = limb.overflowing_add(1);
		*limb = v;
		if !carry {
			return;
		}
	}
}

#[cfg(test)]
mod tests {
	use super::*;
	use alloc::string::ToString;

	#[test]
	fn small_values_round_trip() {
		for v in [0i128, 1, -1, 42, -42, i128::MAX, i128::MIN, 1 << 64, -(1 << 64)] {
			let d = DecodedValue::from_scalar(&encode_value(v));
			assert_eq!(d.to_i128(), Some(v), "{v}");
			assert_eq!(d.to_string(), v.to_string());
		}
	}

	#[test]
	fn sums_beyond_i128_overflow_instead_of_wrapping() {
		let y = encode_value(i128::MAX) + encode_value(1);
		let d = DecodedValue::from_scalar(&y);
		assert_eq!(d.to_i128(), None);
		assert_eq!(d.to_string(), "170141183460469231731687303715884105728");
		let y = encode_value(i128::MIN) + encode_value(-1);
		let d = DecodedValue::from_scalar(&y);
		assert_eq!(d.to_i128(), None);
		assert_eq!(d.to_string(), "-170141183460469231731687303715884105729");
	}

	#[test]
	fn mean_rounds_toward_negative_infinity() {
		let mean = |v: i128, c: u64| {
			DecodedValue::from_scalar(&encode_value(v)).floor_div(c).and_then(|m| m.to_i128())
		};
		assert_eq!(mean(7, 2), Some(3));
		assert_eq!(mean(-7, 2), Some(-4));
		assert_eq!(mean(-6, 3), Some(-2));
		assert_eq!(mean(-1, 3), Some(-1));
		assert_eq!(mean(0, 5), Some(0));
		assert_eq!(DecodedValue::from_scalar(&Scalar::ONE).floor_div(0), None);
	}
}
