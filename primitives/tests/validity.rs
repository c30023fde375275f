//! Range proofs of inputs (PROTOCOL.md section 12.3): what proves and verifies, every way a
//! proof is refused, and properties over random bounds and values. Proofs of values past a
//! bound by a prover that skips the range check are in the vectors (`range-v1.json`).

use curve25519_dalek::scalar::Scalar as DalekScalar;
use mpc_primitives::{
	deal_with_rule,
	range::{range_bits, range_proof_len},
	verify_validity, Commitment, EncryptionKey, Error, InputContext, InputRule, Submission,
	WorkerSecret,
};
use proptest::prelude::*;
use rand_chacha::ChaCha20Rng;
use rand_core::SeedableRng;

fn committee() -> Vec<EncryptionKey> {
	(1..=3u8)
		.map(|n| *WorkerSecret::from_uniform_bytes(&[n; 64]).expect("key").public_key())
		.collect()
}

fn ctx(job: u64, provider: u8) -> InputContext {
	InputContext::new([7u8; 32], job, [provider; 32])
}

fn c0(s: &Submission) -> Commitment {
	Commitment::from_bytes(&s.commitments[0]).expect("C_0")
}

fn deal(rule: &InputRule, values: &[i128], seed: u64) -> Result<(Submission, Vec<u8>), Error> {
	let mut rng = ChaCha20Rng::seed_from_u64(seed);
	deal_with_rule(&ctx(3, 9), &committee(), 1, values, rule, &mut rng)
}

fn verifies(rule: &InputRule, s: &Submission, proof: &[u8]) -> bool {
	let d = s_dimension(rule);
	verify_validity(&ctx(3, 9), d, rule, &c0(s), proof)
}

fn s_dimension(rule: &InputRule) -> u32 {
	match rule {
		InputRule::Range(bounds) => bounds.len() as u32,
		_ => 1,
	}
}

#[test]
fn bit_widths_follow_the_widest_span() {
	assert_eq!(range_bits(&[(0, 255)]), Some(8));
	assert_eq!(range_bits(&[(0, 256)]), Some(16));
	assert_eq!(range_bits(&[(-10, 10), (0, 70_000)]), Some(32));
	assert_eq!(range_bits(&[(i128::from(i64::MIN), i128::from(i64::MAX))]), Some(64));
	assert_eq!(range_bits(&[(0, i128::from(u64::MAX) + 1)]), None);
	assert_eq!(range_bits(&[(5, 4)]), None);
	assert_eq!(range_bits(&[(i128::MIN, i128::MAX)]), None);
	assert_eq!(range_bits(&[]), None);
	// Sizes: d = 1 at 64 bits is two values (M = 2), log2(128) = 7 rounds.
	assert_eq!(range_proof_len(1, 64), 32 * (9 + 14));
	assert_eq!(range_proof_len(3, 8), 32 * 3 + 32 * 8 + 32 * (9 + 2 * 6));
}

#[test]
fn a_value_at_either_bound_proves_and_one_past_it_does_not() {
	let rule = InputRule::Range(vec![(-20, 100)]);
	for x in [-20, 0, 57, 100] {
		let (s, proof) = deal(&rule, &[x], x as u64).expect("in range");
		assert_eq!(proof.len(), range_proof_len(1, 8));
		assert!(verifies(&rule, &s, &proof), "{x}");
	}
	for x in [-21, 101] {
		assert_eq!(deal(&rule, &[x], 1).err(), Some(Error::ValueOutOfRange), "{x}");
	}
}

#[test]
fn a_range_proof_is_bound_to_job_provider_rule_and_commitment() {
	let rule = InputRule::Range(vec![(0, 1_000), (-5, 5), (10, 20)]);
	let values = [999, -5, 20];
	let (s, proof) = deal(&rule, &values, 2).expect("in range");
	assert_eq!(proof.len(), range_proof_len(3, 16));
	assert!(verifies(&rule, &s, &proof));
	let c = c0(&s);
	assert!(!verify_validity(&ctx(4, 9), 3, &rule, &c, &proof), "another job");
	assert!(!verify_validity(&ctx(3, 8), 3, &rule, &c, &proof), "another provider");
	let wider = InputRule::Range(vec![(0, 1_000), (-5, 5), (10, 21)]);
	assert!(!verify_validity(&ctx(3, 9), 3, &wider, &c, &proof), "another rule");
	let (other, _) = deal(&rule, &values, 3).expect("in range");
	assert!(!verify_validity(&ctx(3, 9), 3, &rule, &c0(&other), &proof), "another C_0");
	assert!(!verify_validity(&ctx(3, 9), 3, &InputRule::None, &c, &proof));
	assert!(!verify_validity(&ctx(3, 9), 2, &rule, &c, &proof), "another dimension");
}

#[test]
fn every_part_of_a_range_proof_is_checked() {
	let rule = InputRule::Range(vec![(0, 1_000), (-5, 5)]);
	let (s, proof) = deal(&rule, &[3, 4], 4).expect("in range");
	assert!(verifies(&rule, &s, &proof));
	// V_0, V_1, the link's c, zx, zg, zb, then each part of the bulletproof.
	let parts = proof.len() / 32;
	for part in 0..parts {
		let mut flipped = proof.clone();
		flipped[32 * part + 1] ^= 1;
		assert!(!verifies(&rule, &s, &flipped), "part {part}");
	}
	// Truncated, extended, empty.
	assert!(!verifies(&rule, &s, &proof[..proof.len() - 32]));
	assert!(!verifies(&rule, &s, &[proof.clone(), vec![0; 32]].concat()));
	assert!(!verifies(&rule, &s, &[]));
	// A non-canonical scalar (l + its value) in the link's first response.
	let mut non_canonical = proof.clone();
	let at = 32 * 2 + 32;
	let l = DalekScalar::ZERO - DalekScalar::ONE; // l - 1
	let mut bytes = [0u8; 32];
	bytes.copy_from_slice(&proof[at..at + 32]);
	let value = DalekScalar::from_canonical_bytes(bytes).expect("canonical");
	if value == DalekScalar::ZERO {
		return;
	}
	// value + l as a 256-bit integer: (value - 1) + (l - 1) + 2, added bytewise.
	let sum = add_le(&(value - DalekScalar::ONE).to_bytes(), &l.to_bytes())
		.and_then(|partial| add_le(&partial, &[2]));
	if let Some(sum) = sum {
		non_canonical[at..at + 32].copy_from_slice(&sum);
		assert!(!verifies(&rule, &s, &non_canonical));
	}
}

/// `a + b` as little-endian 256-bit integers; `None` on overflow.
fn add_le(a: &[u8; 32], b: &[u8]) -> Option<[u8; 32]> {
	let mut out = [0u8; 32];
	let mut carry = 0u16;
	for i in 0..32 {
		let sum = u16::from(a[i]) + u16::from(*b.get(i).unwrap_or(&0)) + carry;
		out[i] = sum as u8;
		carry = sum >> 8;
	}
	(carry == 0).then_some(out)
}

#[test]
fn the_widest_range_proves_at_64_bits() {
	let lo = i128::from(i64::MIN);
	let hi = i128::from(i64::MAX);
	let rule = InputRule::Range(vec![(lo, hi)]);
	for x in [lo, -1, hi] {
		let (s, proof) = deal(&rule, &[x], 6).expect("in range");
		assert_eq!(proof.len(), range_proof_len(1, 64));
		assert!(verifies(&rule, &s, &proof));
	}
}

#[test]
fn invalid_rules_are_refused() {
	for bounds in [vec![(5, 4)], vec![(0, i128::from(u64::MAX) + 1)], vec![(0, 1), (0, 1)]] {
		let rule = InputRule::Range(bounds.clone());
		assert_eq!(rule.check(1), Err(Error::InvalidRule), "{bounds:?}");
		assert_eq!(deal(&rule, &[0], 1).err(), Some(Error::InvalidRule), "{bounds:?}");
	}
}

proptest! {
	#![proptest_config(ProptestConfig::with_cases(8))]

	#[test]
	fn values_inside_random_bounds_prove_and_verify(
		components in proptest::collection::vec(
			(-1_000_000i128..1_000_000, 0u64..=u64::MAX, any::<u64>()),
			1..=3,
		),
		seed in any::<u64>(),
	) {
		// Per component its own bounds and a value anywhere inside them, both ends included.
		let (bounds, values): (Vec<(i128, i128)>, Vec<i128>) = components
			.iter()
			.map(|(lo, span, pick)| {
				let hi = lo + i128::from(*span);
				let x = lo + i128::from(pick % span.saturating_add(1).max(1));
				((*lo, hi), x.min(hi))
			})
			.unzip();
		let d = values.len() as u32;
		let rule = InputRule::Range(bounds);
		let (s, proof) = deal(&rule, &values, seed).expect("in range");
		prop_assert_eq!(Some(proof.len()), rule.proof_len(d));
		prop_assert!(verify_validity(&ctx(3, 9), d, &rule, &c0(&s), &proof));
		prop_assert!(!verify_validity(&ctx(3, 10), d, &rule, &c0(&s), &proof));
	}
}
