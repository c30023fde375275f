//! Test vectors of PROTOCOL.md section 12.2 (`tests/vectors/validity-v1.json`): one-hot
//! proofs of fixed dealings with fixed randomness, and proofs that must be refused.
//!
//! The test recomputes every value from the inputs in the file and compares; with
//! `MPC_WRITE_VALIDITY_VECTORS=1` it writes the file instead (only when the protocol changes on
//! purpose). A unit test module because fixed randomness needs the crate-private entry points.

use alloc::{string::String, vec, vec::Vec};
use codec::Encode;
use curve25519_dalek::scalar::Scalar as DalekScalar;
use serde_json::{json, Value};

use crate::{
	dealer::{deal_with_randomness, DealingRandomness},
	generators::{blinding_generator, value_generator},
	validity::{branches, one_hot_with_randomness, verify_validity, InputRule},
	Commitment, InputContext, Scalar, WorkerSecret,
};

/// A proof to refuse: its name, `d`, context, rule, `C_0` and bytes.
pub(crate) type Refusal<N> = (N, u32, InputContext, InputRule, Commitment, Vec<u8>);

/// The `rejected` entries of a vector file, each checked to be refused.
pub(crate) fn refusals_json<N: AsRef<str>>(refusals: Vec<Refusal<N>>) -> Vec<Value> {
	refusals
		.into_iter()
		.map(|(name, d, c, rule, c0, p)| {
			let name = name.as_ref();
			assert!(!verify_validity(&c, d, &rule, &c0, &p), "{name} must be refused");
			json!({
				"name": name,
				"job_id": c.job.job_id,
				"provider": hex(&c.provider),
				"d": d,
				"rule": hex(&rule.encode()),
				"C0": hex(c0.as_bytes()),
				"proof": hex(&p),
			})
		})
		.collect()
}

const PATH: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/vectors/validity-v1.json");

fn s(x: u64) -> DalekScalar {
	DalekScalar::from(x)
}

fn hex(bytes: &[u8]) -> String {
	::hex::encode(bytes)
}

fn compute() -> Value {
	let genesis = [0x42u8; 32];
	let (job_id, provider) = (5u64, [0x07u8; 32]);
	let ctx = InputContext::new(genesis, job_id, provider);
	let keys: Vec<_> = (1..=3u64)
		.map(|i| *WorkerSecret::from_bytes(&s(1000 + i).to_bytes()).expect("non-zero").public_key())
		.collect();
	let cases_in: [(&str, Vec<i128>, bool, u32); 3] = [
		("ballot e_1 of d = 3, abstention allowed", vec![0, 1, 0], true, 1),
		("abstention of d = 2", vec![0, 0], true, 2),
		("ballot e_0 of d = 2, no abstention", vec![1, 0], false, 0),
	];
	let mut cases = Vec::new();
	let mut first: Option<(Commitment, Vec<u8>, u32, InputRule)> = None;
	for (number, (name, values, abstain, j)) in cases_in.into_iter().enumerate() {
		let d = values.len() as u32;
		let base = 100 * (number as u64 + 1);
		// t = 1: a coefficient a_{l,1} per component, b_0 and b_1.
		let randomness = DealingRandomness {
			coefficients: (0..d).map(|l| vec![Scalar(s(base + u64::from(l) + 1))]).collect(),
			blinding: vec![Scalar(s(base + 50)), Scalar(s(base + 51))],
			r: s(base + 60),
			k: s(base + 61),
		};
		let b0 = s(base + 50);
		let submission =
			deal_with_randomness(&ctx, &keys, &values, randomness).expect("the vector deals");
		let c0 = Commitment::from_bytes(&submission.commitments[0]).expect("C_0");
		let d_points = branches(c0.as_dalek(), d, abstain);
		let rho = s(base + 70);
		let simulated: Vec<(DalekScalar, DalekScalar)> =
			(0..d_points.len() as u64).map(|k| (s(base + 80 + k), s(base + 90 + k))).collect();
		let proof =
			one_hot_with_randomness(&ctx, abstain, &c0, &d_points, j, &b0, &rho, &simulated)
				.to_bytes();
		let rule = InputRule::OneHot { abstain };
		assert!(verify_validity(&ctx, d, &rule, &c0, &proof), "the vector proof verifies");
		cases.push(json!({
			"name": name,
			"values": values.iter().map(|v| *v as i64).collect::<Vec<_>>(),
			"d": d,
			"abstain": abstain,
			"rule": hex(&rule.encode()),
			"C0": hex(c0.as_bytes()),
			"b0": hex(b0.as_bytes()),
			"rho": hex(rho.as_bytes()),
			"simulated": simulated
				.iter()
				.enumerate()
				.filter(|(k, _)| *k as u32 != j)
				.map(|(k, (c, z))| json!({ "branch": k, "c": hex(c.as_bytes()), "z": hex(z.as_bytes()) }))
				.collect::<Vec<_>>(),
			"proof": hex(&proof),
		}));
		if first.is_none() {
			first = Some((c0, proof, d, rule));
		}
	}

	// Refused: the first case's proof altered, or checked for another context or rule.
	let (c0, proof, d, rule) = first.expect("a first case");
	let mut flipped = proof.clone();
	flipped[40] ^= 1;
	let other_c0 = Commitment::from_bytes(
		&hex::decode(cases[2]["C0"].as_str().expect("hex")).expect("hex").try_into().expect("32"),
	)
	.expect("a point");
	let refusals: Vec<(&str, InputContext, InputRule, Commitment, Vec<u8>)> = vec![
		("one byte of the proof changed", ctx, rule.clone(), c0, flipped),
		(
			"the proof for job 6",
			InputContext::new(genesis, 6, provider),
			rule.clone(),
			c0,
			proof.clone(),
		),
		(
			"the proof for provider 0x08^32",
			InputContext::new(genesis, job_id, [8u8; 32]),
			rule.clone(),
			c0,
			proof.clone(),
		),
		(
			"the proof under the rule without abstention",
			ctx,
			InputRule::OneHot { abstain: false },
			c0,
			proof.clone(),
		),
		("the proof for another input's C_0", ctx, rule.clone(), other_c0, proof.clone()),
		("the proof without its last branch", ctx, rule, c0, proof[..proof.len() - 64].to_vec()),
	];
	let mut refusals: Vec<Refusal<&str>> =
		refusals.into_iter().map(|(name, c, rule, c0, p)| (name, d, c, rule, c0, p)).collect();
	// Same length, another rule: the second case's 3 branches (d = 2 with abstention) checked
	// as d = 3 without abstention; only the hash, which binds the rule, refuses it.
	let second_c0 = Commitment::from_bytes(
		&hex::decode(cases[1]["C0"].as_str().expect("hex")).expect("hex").try_into().expect("32"),
	)
	.expect("a point");
	let second_proof = hex::decode(cases[1]["proof"].as_str().expect("hex")).expect("hex");
	refusals.push((
		"the second case's proof as d = 3 without abstention (same length)",
		3,
		ctx,
		InputRule::OneHot { abstain: false },
		second_c0,
		second_proof,
	));
	let rejected = refusals_json(refusals);
	json!({
		"description": "PROTOCOL.md section 12.2: one-hot proofs. Each case deals `values` (t = 1, committee keys of the secrets 1001..1003 as in beacon-v1.json) with fixed randomness; C0 is its C_0 and b0 its constant blinding; the proof is made with `rho` for the real branch and the given (c, z) for the others, and must verify. Every entry of `rejected` must be refused.",
		"genesis": hex(&genesis),
		"job_id": job_id,
		"provider": hex(&provider),
		"H": hex(blinding_generator().compress().as_bytes()),
		"G": (0..3).map(|l| hex(value_generator(l).compress().as_bytes())).collect::<Vec<_>>(),
		"cases": cases,
		"rejected": rejected,
	})
}

#[test]
fn validity_vectors_match() {
	crate::beacon_vectors::check_vector_file(PATH, "MPC_WRITE_VALIDITY_VECTORS", &compute());
}
