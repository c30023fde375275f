//! Result shares, reconstruction and the output check of PROTOCOL.md section 8.
//!
//! Worker `i` sums its shares of the qualified inputs into a [`ResultShare`]
//! `(S_i, U_i)`; the chain checks it against the aggregate commitments `Ĉ_j`
//! ([`ResultShare::verify`]); any `t + 1` accepted result shares give the output
//! ([`reconstruct`]), which is checked against `Ĉ_0` ([`Output::verify`]).
//! [`verify_output`] re-runs the whole verification from a stored record.

use alloc::vec::Vec;
use codec::{Decode, DecodeWithMemTracking, Encode};
use scale_info::TypeInfo;

use crate::{
	generators::{blinding_generator, value_generator},
	pedersen::verify_public_opening,
	shamir::{lagrange_coefficients_at_zero, ParticipantIndex},
	value::DecodedValue,
	Commitment, Error, JobShape, Scalar, Share,
};
use curve25519_dalek::{ristretto::RistrettoPoint, traits::VartimeMultiscalarMul};

/// Worker `i`'s result share `(S_{i,0..d-1}, U_i)`: public once submitted.
#[derive(Clone, Debug, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, TypeInfo)]
pub struct ResultShare {
	/// `S_{i,l} = sum_{k in Q} s_{k,i,l}`.
	pub values: Vec<Scalar>,
	/// `U_i = sum_{k in Q} u_{k,i}`.
	pub blinding: Scalar,
}

impl ResultShare {
	/// Sums a worker's shares of the qualified inputs; every share must have dimension `d`.
	/// With no shares at all, the result share is zero (and so is the output).
	pub fn aggregate<'a>(
		d: usize,
		shares: impl IntoIterator<Item = &'a Share>,
	) -> Result<Self, Error> {
		if d == 0 {
			return Err(Error::InvalidDimension);
		}
		let mut values = alloc::vec![Scalar::ZERO; d];
		let mut blinding = Scalar::ZERO;
		for share in shares {
			if share.dimension() != d {
				return Err(Error::InvalidDimension);
			}
			for (acc, s) in values.iter_mut().zip(share.values()) {
				*acc += *s;
			}
			blinding += *share.blinding();
		}
		Ok(Self { values, blinding })
	}

	/// The chain's check (PROTOCOL.md section 8): `index <= n`, `d` values, `t + 1`
	/// aggregate commitments, and `sum_l S_l G_l + U H == sum_j i^j Ĉ_j` (variable time: the
	/// share is public).
	pub fn verify(
		&self,
		shape: &JobShape,
		index: ParticipantIndex,
		aggregate: &[Commitment],
	) -> bool {
		index.get() <= shape.n()
			&& self.values.len() == shape.d() as usize
			&& aggregate.len() == shape.t() as usize + 1
			&& verify_public_opening(index, &self.values, &self.blinding, aggregate)
	}
}

/// A reconstructed output `y_0..y_{d-1}` with its blinding `sum λ_i U_i`.
#[derive(Clone, Debug, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, TypeInfo)]
pub struct Output {
	/// `y_l = sum_{i in T} λ_i S_{i,l}`.
	pub values: Vec<Scalar>,
	/// `sum_{i in T} λ_i U_i`.
	pub blinding: Scalar,
}

impl Output {
	/// The output check: `sum_l y_l G_l + blinding * H == Ĉ_0`.
	pub fn verify(&self, aggregate_c0: &Commitment) -> bool {
		let scalars = self.values.iter().chain(core::iter::once(&self.blinding)).map(|s| s.0);
		let points = (0..self.values.len() as u32)
			.map(value_generator)
			.chain(core::iter::once(blinding_generator()));
		RistrettoPoint::vartime_multiscalar_mul(scalars, points) == *aggregate_c0.as_dalek()
	}

	/// Each `y_l` decoded exactly (PROTOCOL.md section 4).
	pub fn decode(&self) -> Vec<DecodedValue> {
		self.values.iter().map(DecodedValue::from_scalar).collect()
	}
}

/// Reconstructs the output from exactly `t + 1` result shares with distinct indices
/// `<= n`, each of dimension `d` (PROTOCOL.md section 8). It does not check the shares; see
/// [`verify_output`].
pub fn reconstruct(
	shape: &JobShape,
	shares: &[(ParticipantIndex, &ResultShare)],
) -> Result<Output, Error> {
	if shares.len() != shape.t() as usize + 1 {
		return Err(Error::NotEnoughShares);
	}
	let d = shape.d() as usize;
	if shares.iter().any(|(_, s)| s.values.len() != d) {
		return Err(Error::InvalidDimension);
	}
	if shares.iter().any(|(i, _)| i.get() > shape.n()) {
		return Err(Error::InvalidIndex);
	}
	let indices: Vec<ParticipantIndex> = shares.iter().map(|(i, _)| *i).collect();
	let lambdas = lagrange_coefficients_at_zero(&indices)?;
	let mut values = alloc::vec![Scalar::ZERO; d];
	let mut blinding = Scalar::ZERO;
	for (lambda, (_, share)) in lambdas.iter().zip(shares) {
		for (acc, s) in values.iter_mut().zip(&share.values) {
			*acc += *lambda * *s;
		}
		blinding += *lambda * share.blinding;
	}
	Ok(Output { values, blinding })
}

/// Re-verifies a result from its record: exactly `t + 1` result shares, each against the
/// aggregate commitments `Ĉ_0..Ĉ_t`, then reconstruction and the output check against `Ĉ_0`.
/// Returns the output; anyone can run this.
pub fn verify_output(
	shape: &JobShape,
	aggregate: &[Commitment],
	shares: &[(ParticipantIndex, ResultShare)],
) -> Result<Output, Error> {
	if aggregate.len() != shape.t() as usize + 1 {
		return Err(Error::WrongCommitmentCount);
	}
	let c0 = aggregate.first().ok_or(Error::WrongCommitmentCount)?;
	if let Some((i, _)) = shares.iter().find(|(i, s)| !s.verify(shape, *i, aggregate)) {
		return Err(Error::InvalidResultShare { index: i.get() });
	}
	let borrowed: Vec<(ParticipantIndex, &ResultShare)> =
		shares.iter().map(|(i, s)| (*i, s)).collect();
	let output = reconstruct(shape, &borrowed)?;
	if output.verify(c0) {
		Ok(output)
	} else {
		Err(Error::OutputCheckFailed)
	}
}
