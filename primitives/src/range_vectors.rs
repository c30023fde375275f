//! Test vectors of PROTOCOL.md section 12.3 (`tests/vectors/range-v1.json`): range proofs
//! that must verify, and proofs that must be refused, among them proofs of values one past a
//! bound made by a prover that does not check its values.
//!
//! Bulletproofs proofs are randomised inside the crate, so the vectors are for verifiers: an
//! implementation reproduces each `C_0` from its values and `b_0`, and for `d > 1` each `V_l`
//! and the linking proof from the given blindings and nonces, then verifies the whole proof.
//! The test recomputes the file and compares; with `MPC_WRITE_RANGE_VECTORS=1` it writes it.

use alloc::{
	string::{String, ToString},
	vec,
	vec::Vec,
};
use bulletproofs::{BulletproofGens, RangeProof};
use codec::Encode;
use curve25519_dalek::scalar::Scalar as DalekScalar;
use rand_chacha::ChaCha20Rng;
use rand_core::SeedableRng;
use serde_json::{json, Value};
use zeroize::Zeroizing;

use crate::{
	generators::{blinding_generator, value_generator},
	range::{pedersen_gens, range_with, transcript, LinkNonces},
	validity::{verify_validity, InputRule},
	validity_vectors::{refusals_json, Refusal},
	value::encode_value,
	Commitment, InputContext,
};

const PATH: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/vectors/range-v1.json");

fn s(x: u64) -> DalekScalar {
	DalekScalar::from(x)
}

fn hex(bytes: &[u8]) -> String {
	::hex::encode(bytes)
}

/// `C_0 = sum_l enc(x_l) G_l + b_0 H`.
fn commit(values: &[i128], b0: &DalekScalar) -> Commitment {
	let point = values
		.iter()
		.enumerate()
		.map(|(l, x)| value_generator(l as u32) * encode_value(*x).0)
		.sum::<curve25519_dalek::RistrettoPoint>()
		+ blinding_generator() * b0;
	Commitment::from_bytes(&point.compress().to_bytes()).expect("a point")
}

/// A case: its inputs, the proof, and the JSON of both.
struct Case {
	rule: InputRule,
	c0: Commitment,
	proof: Vec<u8>,
	json: Value,
}

fn case(
	ctx: &InputContext,
	name: &str,
	bounds: Vec<(i128, i128)>,
	values: Vec<i128>,
	base: u64,
) -> Case {
	let d = values.len();
	let rule = InputRule::Range(bounds);
	let InputRule::Range(bounds) = &rule else { unreachable!() };
	let b0 = s(base);
	let c0 = commit(&values, &b0);
	let (gammas, nonces) = if d == 1 {
		(vec![b0], None)
	} else {
		let gammas: Vec<DalekScalar> = (0..d as u64).map(|l| s(base + 10 + l)).collect();
		let nonces = LinkNonces {
			kx: Zeroizing::new((0..d as u64).map(|l| s(base + 20 + l)).collect()),
			kg: Zeroizing::new((0..d as u64).map(|l| s(base + 30 + l)).collect()),
			kb: Zeroizing::new(s(base + 40)),
		};
		(gammas, Some(nonces))
	};
	let mut rng = ChaCha20Rng::seed_from_u64(base);
	let rule_bytes = rule.encode();
	let proof =
		range_with(ctx, &rule_bytes, bounds, &c0, &values, &b0, &gammas, nonces.as_ref(), &mut rng)
			.expect("the vector proves");
	assert!(verify_validity(ctx, d as u32, &rule, &c0, &proof), "{name} verifies");
	let mut json = json!({
		"name": name,
		"d": d,
		"values": values.iter().map(|v| v.to_string()).collect::<Vec<_>>(),
		"rule": hex(&rule_bytes),
		"b0": hex(b0.as_bytes()),
		"C0": hex(c0.as_bytes()),
		"proof": hex(&proof),
	});
	if let Some(nonces) = &nonces {
		let scalars = |v: &[DalekScalar]| v.iter().map(|x| hex(x.as_bytes())).collect::<Vec<_>>();
		json["gamma"] = json!(scalars(&gammas));
		json["kx"] = json!(scalars(&nonces.kx));
		json["kg"] = json!(scalars(&nonces.kg));
		json["kb"] = json!(hex(nonces.kb.as_bytes()));
	}
	Case { rule, c0, proof, json }
}

/// A bulletproof of `x - lo` and `hi - x` as `u64` (wrapping), for `d = 1` and 8 bits, made
/// without the range check a correct prover does: what a cheater would send.
fn cheating_proof(ctx: &InputContext, rule: &InputRule, x: i128, b0: &DalekScalar) -> Vec<u8> {
	let InputRule::Range(bounds) = rule else { unreachable!() };
	let (lo, hi) = bounds[0];
	let c0 = commit(&[x], b0);
	let mut t = transcript(ctx, &rule.encode(), &c0);
	let values = [(x - lo) as u64, (hi - x) as u64];
	let (proof, _) = RangeProof::prove_multiple_with_rng(
		&BulletproofGens::new(8, 2),
		&pedersen_gens(),
		&mut t,
		&values,
		&[*b0, -b0],
		8,
		&mut ChaCha20Rng::seed_from_u64(x as u64),
	)
	.expect("the crate proves any u64");
	proof.to_bytes()
}

fn compute() -> Value {
	let genesis = [0x42u8; 32];
	let (job_id, provider) = (5u64, [0x07u8; 32]);
	let ctx = InputContext::new(genesis, job_id, provider);
	let wide = (i128::from(i64::MIN), i128::from(i64::MAX));
	let cases = [
		case(&ctx, "d = 1, [0, 100], x = 0 (8 bits)", vec![(0, 100)], vec![0], 100),
		case(&ctx, "d = 1, [0, 100], x = 100 (8 bits)", vec![(0, 100)], vec![100], 200),
		case(
			&ctx,
			"d = 1, [-1000, 1000], x = -999 (16 bits)",
			vec![(-1000, 1000)],
			vec![-999],
			300,
		),
		case(&ctx, "d = 1, [i64::MIN, i64::MAX], x = -7 (64 bits)", vec![wide], vec![-7], 400),
		case(
			&ctx,
			"d = 2, [0, 100] and [-5, 5], x = (42, -5) (8 bits)",
			vec![(0, 100), (-5, 5)],
			vec![42, -5],
			500,
		),
		case(
			&ctx,
			"d = 3, [0, 70000], [0, 1], [10, 20], x = (70000, 1, 10) (32 bits)",
			vec![(0, 70_000), (0, 1), (10, 20)],
			vec![70_000, 1, 10],
			600,
		),
	];

	// Refused.
	let first = &cases[0];
	let two = &cases[4];
	let mut refusals: Vec<Refusal<String>> = Vec::new();
	let rule_0_100 = InputRule::Range(vec![(0, 100)]);
	// The construction is a real prover's: for a value inside it verifies.
	let inside = cheating_proof(&ctx, &rule_0_100, 50, &s(700));
	assert!(verify_validity(&ctx, 1, &rule_0_100, &commit(&[50], &s(700)), &inside));
	for x in [-1i128, 101] {
		let b0 = s(700);
		refusals.push((
			alloc::format!("x = {x}, one past a bound of [0, 100], proven without the range check"),
			1,
			ctx,
			rule_0_100.clone(),
			commit(&[x], &b0),
			cheating_proof(&ctx, &rule_0_100, x, &b0),
		));
	}
	let mut push =
		|name: &str, d: u32, c: InputContext, rule: &InputRule, c0: Commitment, p: Vec<u8>| {
			refusals.push((name.into(), d, c, rule.clone(), c0, p));
		};
	push(
		"the first case's proof for job 6",
		1,
		InputContext::new(genesis, 6, provider),
		&first.rule,
		first.c0,
		first.proof.clone(),
	);
	push(
		"the first case's proof for provider 0x08^32",
		1,
		InputContext::new(genesis, job_id, [8; 32]),
		&first.rule,
		first.c0,
		first.proof.clone(),
	);
	push(
		"the first case's proof under [0, 99]",
		1,
		ctx,
		&InputRule::Range(vec![(0, 99)]),
		first.c0,
		first.proof.clone(),
	);
	push(
		"the first case's proof for the second case's C_0",
		1,
		ctx,
		&first.rule,
		cases[1].c0,
		first.proof.clone(),
	);
	push(
		"the first case's proof without its last 32 bytes",
		1,
		ctx,
		&first.rule,
		first.c0,
		first.proof[..first.proof.len() - 32].to_vec(),
	);
	// t_x (the fifth 32-byte part) plus the group order: the same scalar, not canonical.
	let mut non_canonical = first.proof.clone();
	let l_bytes = {
		let mut l = (DalekScalar::ZERO - DalekScalar::ONE).to_bytes();
		l[0] += 1; // l - 1 ends in 0xec; + 1 does not carry
		l
	};
	let mut carry = 0u16;
	for i in 0..32 {
		let sum = u16::from(non_canonical[128 + i]) + u16::from(l_bytes[i]) + carry;
		non_canonical[128 + i] = sum as u8;
		carry = sum >> 8;
	}
	assert_eq!(carry, 0, "t_x + l fits in 256 bits");
	push(
		"the first case's proof with t_x + l (not canonical)",
		1,
		ctx,
		&first.rule,
		first.c0,
		non_canonical,
	);
	let mut v_changed = two.proof.clone();
	v_changed[..32].copy_from_slice(value_generator(0).compress().as_bytes());
	push("the d = 2 case with V_0 replaced by G", 2, ctx, &two.rule, two.c0, v_changed);
	let mut link_changed = two.proof.clone();
	link_changed[64 + 32] ^= 1;
	push("the d = 2 case with zx_0 changed", 2, ctx, &two.rule, two.c0, link_changed);

	let rejected = refusals_json(refusals);
	json!({
		"description": "PROTOCOL.md section 12.3: range proofs. Each case's C0 is sum_l enc(values[l]) G_l + b0 H (values are decimal strings); for d > 1 the proof starts with V_l = enc(x_l) G + gamma[l] H and the linking proof made with the nonces kx, kg, kb, which an implementation reproduces exactly; the Bulletproofs part is randomised and is only verified. Every case verifies for (genesis, job_id, provider); every entry of `rejected` must be refused.",
		"genesis": hex(&genesis),
		"job_id": job_id,
		"provider": hex(&provider),
		"cases": cases.iter().map(|c| c.json.clone()).collect::<Vec<_>>(),
		"rejected": rejected,
	})
}

#[test]
fn range_vectors_match() {
	crate::beacon_vectors::check_vector_file(PATH, "MPC_WRITE_RANGE_VECTORS", &compute());
}
