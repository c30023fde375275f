//! Range proofs of inputs (PROTOCOL.md section 12.3): `lo_l <= x_l <= hi_l` for every
//! component of a committed input, as one aggregated Bulletproofs range proof (zkcrypto
//! `bulletproofs` 5.0.0) over the `2 d` values `x_l - lo_l` and `hi_l - x_l`.
//!
//! With Pedersen generators `B = G_0` and `B_blinding = H`, a Bulletproofs value commitment is
//! an input commitment of dimension 1, so for `d = 1` the proof is about `C_0` itself. For
//! `d > 1` the provider commits to each component, `V_l = x_l * G + gamma_l * H`, and a
//! linking proof (a Schnorr proof of one opening of all of them) says that the `V_l` are the
//! components of `C_0`.

use alloc::vec::Vec;
use bulletproofs::{BulletproofGens, PedersenGens, RangeProof};
use curve25519_dalek::{
	ristretto::{CompressedRistretto, RistrettoPoint},
	scalar::Scalar as DalekScalar,
	traits::{Identity, MultiscalarMul, VartimeMultiscalarMul},
};
use rand_chacha::ChaCha20Rng;
use rand_core::{CryptoRngCore, SeedableRng};
use zeroize::Zeroizing;

use crate::{
	domain::{DST_LINK, DST_RANGE, DST_RANGE_VERIFIER},
	generators::{blinding_generator, value_generator},
	hash::{sha512, Transcript},
	proof::hedged_nonce,
	value::encode_value,
	Commitment, Error, InputContext,
};

/// The bit widths a range proof can have.
pub const RANGE_BITS: [u32; 4] = [8, 16, 32, 64];

/// The bit width `N` of a range rule with these bounds: the least of [`RANGE_BITS`] with
/// `hi_l - lo_l < 2^N` for every `l`; `None` if a bound pair is inverted or spans `2^64` or
/// more, or there are no bounds.
pub fn range_bits(bounds: &[(i128, i128)]) -> Option<u32> {
	let mut widest = 0u128;
	for (lo, hi) in bounds {
		let span = hi.checked_sub(*lo)?;
		widest = widest.max(u128::try_from(span).ok()?);
	}
	if bounds.is_empty() || widest > u128::from(u64::MAX) {
		return None;
	}
	RANGE_BITS.into_iter().find(|n| *n == 64 || widest < 1u128 << n)
}

/// The aggregation size `M` of a range proof for dimension `d`: the least power of two
/// `>= 2 d`.
pub fn aggregation(d: usize) -> usize {
	(2 * d).next_power_of_two()
}

/// The length of a Bulletproofs range proof of `n_bits * m` bits: four points, three scalars,
/// `log2(n_bits * m)` pairs of points and two scalars.
pub fn bulletproof_len(n_bits: u32, m: usize) -> usize {
	let rounds = (n_bits as usize * m).trailing_zeros() as usize;
	32 * (9 + 2 * rounds)
}

/// The length of the linking proof for dimension `d`: `c`, `d + d` responses and `zb`.
pub fn link_len(d: usize) -> usize {
	32 * (2 * d + 2)
}

/// The length of a whole range proof (section 12.3) for dimension `d` at width `n_bits`.
pub fn range_proof_len(d: usize, n_bits: u32) -> usize {
	let bulletproof = bulletproof_len(n_bits, aggregation(d));
	if d == 1 {
		bulletproof
	} else {
		32 * d + link_len(d) + bulletproof
	}
}

/// The transcript both sides start from: the protocol's label, then `ctx`, `rule`, `C_0`.
pub(crate) fn transcript(ctx: &InputContext, rule: &[u8], c0: &Commitment) -> merlin::Transcript {
	let mut t = merlin::Transcript::new(DST_RANGE);
	t.append_message(b"ctx", &ctx.to_bytes());
	t.append_message(b"rule", rule);
	t.append_message(b"C0", c0.as_bytes());
	t
}

pub(crate) fn pedersen_gens() -> PedersenGens {
	PedersenGens { B: value_generator(0), B_blinding: blinding_generator() }
}

/// The `M` commitments the aggregated proof is about, from the per-component commitments `V_l`:
/// `V_l - enc(lo_l) G`, `enc(hi_l) G - V_l` for each `l`, then the identity up to `M`.
fn range_commitments(v: &[RistrettoPoint], bounds: &[(i128, i128)]) -> Vec<CompressedRistretto> {
	let g = value_generator(0);
	let mut out = Vec::with_capacity(aggregation(v.len()));
	for (v_l, (lo, hi)) in v.iter().zip(bounds) {
		out.push((v_l - g * encode_value(*lo).0).compress());
		out.push((g * encode_value(*hi).0 - v_l).compress());
	}
	out.resize(aggregation(v.len()), RistrettoPoint::identity().compress());
	out
}

fn link_challenge(
	ctx: &InputContext,
	rule: &[u8],
	c0: &Commitment,
	v: &[RistrettoPoint],
	a_l: &[RistrettoPoint],
	a: &RistrettoPoint,
) -> DalekScalar {
	let mut t = Transcript::new(DST_LINK);
	ctx.append_to(&mut t);
	t.append(rule).append(c0.as_bytes());
	for point in v.iter().chain(a_l).chain([a]) {
		t.append(point.compress().as_bytes());
	}
	t.finalize_scalar()
}

/// Proves that the input committed to by `c0` (values `values`, constant blinding `b0`) obeys
/// the range `bounds` (one pair per component, a rule [`range_bits`] accepts), for the job
/// and provider of `ctx`; `rule` is the rule's SCALE encoding. Fails with
/// [`Error::ValueOutOfRange`] if a value is outside its bounds, [`Error::InvalidRule`] for bad
/// bounds.
pub fn prove_range<R: CryptoRngCore + ?Sized>(
	ctx: &InputContext,
	rule: &[u8],
	bounds: &[(i128, i128)],
	c0: &Commitment,
	values: &[i128],
	b0: &DalekScalar,
	rng: &mut R,
) -> Result<Vec<u8>, Error> {
	let d = values.len();
	// All of the prover's randomness (the V_l blindings, the linking nonces, Bulletproofs'
	// own) from one hedged seed: the RNG's bytes hashed with the secrets and the statement,
	// so that a weak or repeating RNG neither predicts nor repeats them (as `hedged_nonce`
	// does for the Schnorr proofs).
	let seed = hedged_nonce(
		b0,
		|t| {
			ctx.append_to(t);
			t.append(rule).append(c0.as_bytes());
			for x in values {
				t.append(&encode_value(*x).0.to_bytes());
			}
		},
		rng,
	);
	let mut rng = ChaCha20Rng::from_seed(seed.to_bytes());
	// Blindings of the V_l: b_0 itself for d = 1; fresh gamma_l per component otherwise.
	let (gammas, nonces) = if d == 1 {
		(Zeroizing::new(alloc::vec![*b0]), None)
	} else {
		let mut random = |k: usize| -> Zeroizing<Vec<DalekScalar>> {
			Zeroizing::new((0..k).map(|_| DalekScalar::random(&mut rng)).collect())
		};
		let gammas = random(d);
		let (kx, kg) = (random(d), random(d));
		let nonces = LinkNonces { kx, kg, kb: Zeroizing::new(DalekScalar::random(&mut rng)) };
		(gammas, Some(nonces))
	};
	range_with(ctx, rule, bounds, c0, values, b0, &gammas, nonces.as_ref(), &mut rng)
}

/// [`prove_range`] with the `V_l` blindings and the linking nonces given (`None` for `d = 1`);
/// the Bulletproofs prover draws from `rng`. For [`prove_range`] and the test vectors.
#[allow(clippy::too_many_arguments)]
pub(crate) fn range_with<R: CryptoRngCore + ?Sized>(
	ctx: &InputContext,
	rule: &[u8],
	bounds: &[(i128, i128)],
	c0: &Commitment,
	values: &[i128],
	b0: &DalekScalar,
	gammas: &[DalekScalar],
	nonces: Option<&LinkNonces>,
	rng: &mut R,
) -> Result<Vec<u8>, Error> {
	let n_bits = range_bits(bounds).ok_or(Error::InvalidRule)?;
	let d = values.len();
	if bounds.len() != d || gammas.len() != d || (d > 1) != nonces.is_some() {
		return Err(Error::InvalidRule);
	}
	// The 2d values to prove, as integers; either side out of [0, 2^N) is out of range.
	let limit = 1u128 << n_bits;
	let mut shifted: Zeroizing<Vec<u64>> = Zeroizing::new(Vec::with_capacity(aggregation(d)));
	for (x, (lo, hi)) in values.iter().zip(bounds) {
		for diff in [x.checked_sub(*lo), hi.checked_sub(*x)] {
			let diff = diff.and_then(|v| u128::try_from(v).ok()).ok_or(Error::ValueOutOfRange)?;
			if diff >= limit {
				return Err(Error::ValueOutOfRange);
			}
			shifted.push(diff as u64);
		}
	}
	// Sized once: a reallocation would leave a copy of the blindings behind.
	let mut blindings: Zeroizing<Vec<DalekScalar>> =
		Zeroizing::new(Vec::with_capacity(aggregation(d)));
	for gamma in gammas {
		blindings.push(*gamma);
		blindings.push(-gamma);
	}
	shifted.resize(aggregation(d), 0);
	blindings.resize(aggregation(d), DalekScalar::ZERO);

	let pc = pedersen_gens();
	let mut out = Vec::with_capacity(range_proof_len(d, n_bits));
	let mut t = transcript(ctx, rule, c0);
	if let Some(nonces) = nonces {
		let v: Vec<RistrettoPoint> = values
			.iter()
			.zip(gammas)
			.map(|(x, gamma)| pc.commit(encode_value(*x).0, *gamma))
			.collect();
		for v_l in &v {
			out.extend_from_slice(v_l.compress().as_bytes());
		}
		out.extend_from_slice(&link_with_nonces(ctx, rule, c0, &v, values, gammas, b0, nonces));
	}
	let bp = BulletproofGens::new(n_bits as usize, aggregation(d));
	let mut rng = RngAdapter(rng);
	let (proof, _) = RangeProof::prove_multiple_with_rng(
		&bp,
		&pc,
		&mut t,
		&shifted,
		&blindings,
		n_bits as usize,
		&mut rng,
	)
	.map_err(|_| Error::ValueOutOfRange)?;
	out.extend_from_slice(&proof.to_bytes());
	Ok(out)
}

/// The linking proof's nonces `kx_l`, `kg_l` and `kb`.
pub(crate) struct LinkNonces {
	pub(crate) kx: Zeroizing<Vec<DalekScalar>>,
	pub(crate) kg: Zeroizing<Vec<DalekScalar>>,
	pub(crate) kb: Zeroizing<DalekScalar>,
}

/// The linking proof with the nonces given: for [`prove_link`] and the test vectors.
#[allow(clippy::too_many_arguments)]
pub(crate) fn link_with_nonces(
	ctx: &InputContext,
	rule: &[u8],
	c0: &Commitment,
	v: &[RistrettoPoint],
	values: &[i128],
	gammas: &[DalekScalar],
	b0: &DalekScalar,
	nonces: &LinkNonces,
) -> Vec<u8> {
	let LinkNonces { kx, kg, kb } = nonces;
	let d = values.len();
	let g = value_generator(0);
	let h = blinding_generator();
	let a_l: Vec<RistrettoPoint> = kx.iter().zip(kg.iter()).map(|(x, y)| g * x + h * y).collect();
	// Secret nonces: the constant-time multiscalar multiplication.
	let a = RistrettoPoint::multiscalar_mul(
		kx.iter().chain([&**kb]),
		(0..d as u32).map(value_generator).chain([h]),
	);
	let c = link_challenge(ctx, rule, c0, v, &a_l, &a);
	let mut out = Vec::with_capacity(link_len(d));
	out.extend_from_slice(c.as_bytes());
	for (k, x) in kx.iter().zip(values) {
		out.extend_from_slice(Zeroizing::new(k + c * encode_value(*x).0).as_bytes());
	}
	for (k, gamma) in kg.iter().zip(gammas) {
		out.extend_from_slice(Zeroizing::new(k + c * gamma).as_bytes());
	}
	out.extend_from_slice(Zeroizing::new(**kb + c * b0).as_bytes());
	out
}

/// Verifies the linking proof `bytes` for `c0` and the component commitments `v`.
fn verify_link(
	ctx: &InputContext,
	rule: &[u8],
	c0: &Commitment,
	v: &[RistrettoPoint],
	bytes: &[u8],
) -> bool {
	let d = v.len();
	if bytes.len() != link_len(d) {
		return false;
	}
	let Ok(scalars) = bytes
		.chunks_exact(32)
		.map(|chunk| crate::Scalar::from_canonical_slice(chunk).map(|s| s.0))
		.collect::<Result<Vec<_>, _>>()
	else {
		return false;
	};
	let Some((c, rest)) = scalars.split_first() else { return false };
	let c = *c;
	let (zx, rest) = rest.split_at(d);
	let (zg, zb) = rest.split_at(d);
	let Some(zb) = zb.first() else { return false };
	let g = value_generator(0);
	let h = blinding_generator();
	let a_l: Vec<RistrettoPoint> = v
		.iter()
		.zip(zx.iter().zip(zg))
		.map(|(v_l, (x, y))| RistrettoPoint::vartime_multiscalar_mul([*x, *y, -c], [g, h, *v_l]))
		.collect();
	let scalars = zx.iter().copied().chain([*zb, -c]);
	let points = (0..d as u32).map(value_generator).chain([h, *c0.as_dalek()]);
	let a = RistrettoPoint::vartime_multiscalar_mul(scalars, points);
	c == link_challenge(ctx, rule, c0, v, &a_l, &a)
}

/// Verifies a range proof (section 12.3) for the input `c0` of dimension `bounds.len()` under
/// the range rule with these bounds, whose SCALE encoding is `rule`.
pub fn verify_range(
	ctx: &InputContext,
	rule: &[u8],
	bounds: &[(i128, i128)],
	c0: &Commitment,
	proof: &[u8],
) -> bool {
	let Some(n_bits) = range_bits(bounds) else { return false };
	let d = bounds.len();
	if proof.len() != range_proof_len(d, n_bits) {
		return false;
	}
	let mut t = transcript(ctx, rule, c0);
	let (v, bulletproof) = if d == 1 {
		(alloc::vec![*c0.as_dalek()], proof)
	} else {
		let (v_bytes, rest) = proof.split_at(32 * d);
		let (link, bulletproof) = rest.split_at(link_len(d));
		let Ok(v) = v_bytes
			.chunks_exact(32)
			.map(|chunk| crate::Point::from_slice(chunk).map(|p| *p.as_dalek()))
			.collect::<Result<Vec<_>, _>>()
		else {
			return false;
		};
		if !verify_link(ctx, rule, c0, &v, link) {
			return false;
		}
		(v, bulletproof)
	};
	let Ok(range_proof) = RangeProof::from_bytes(bulletproof) else { return false };
	let commitments = range_commitments(&v, bounds);
	// The verifier's own randomness only weighs two checks against each other; drawn from
	// the proof, so that every node decides alike.
	let mut seed_input =
		Vec::with_capacity(DST_RANGE_VERIFIER.len() + 104 + rule.len() + proof.len());
	seed_input.extend_from_slice(DST_RANGE_VERIFIER);
	seed_input.extend_from_slice(&ctx.to_bytes());
	seed_input.extend_from_slice(rule);
	seed_input.extend_from_slice(c0.as_bytes());
	seed_input.extend_from_slice(proof);
	let mut seed = [0u8; 32];
	seed.copy_from_slice(&sha512(&seed_input)[..32]);
	let mut rng = ChaCha20Rng::from_seed(seed);
	let bp = BulletproofGens::new(n_bits as usize, aggregation(d));
	range_proof
		.verify_multiple_with_rng(
			&bp,
			&pedersen_gens(),
			&mut t,
			&commitments,
			n_bits as usize,
			&mut rng,
		)
		.is_ok()
}

/// `bulletproofs` asks for a sized `RngCore + CryptoRng`; this lends it ours.
struct RngAdapter<'a, R: ?Sized>(&'a mut R);

impl<R: CryptoRngCore + ?Sized> rand_core::RngCore for RngAdapter<'_, R> {
	fn next_u32(&mut self) -> u32 {
		self.0.next_u32()
	}
	fn next_u64(&mut self) -> u64 {
		self.0.next_u64()
	}
	fn fill_bytes(&mut self, dest: &mut [u8]) {
		self.0.fill_bytes(dest)
	}
	fn try_fill_bytes(&mut self, dest: &mut [u8]) -> Result<(), rand_core::Error> {
		self.0.try_fill_bytes(dest)
	}
}

impl<R: CryptoRngCore + ?Sized> rand_core::CryptoRng for RngAdapter<'_, R> {}
