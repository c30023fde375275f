//! Test vectors of PROTOCOL.md section 14 (`tests/vectors/frost-v1.json`): a three-member key
//! (`t = 1`) with fixed worker secrets, its round-1 packages, envelopes and their digests, the
//! key, a complaint against a bad share, one signature by members 1 and 3, and the digests `A`
//! and `P` and a committee draw seed.
//!
//! Every value is recomputed from the inputs in the file and compared; with
//! `MPC_WRITE_FROST_VECTORS=1` the file is written instead. A client checks what it can
//! recompute from the file alone: each proof verifies, each ciphertext opens with the
//! listed worker secret to a share that checks, the key and shares follow from the commitments,
//! the signature shares check, and the signature verifies as ordinary Ed25519.

use super::testing::{TestCommittee, TestKey};
use super::*;
use crate::beacon_vectors::check_vector_file;
use serde_json::{json, Value};

const PATH: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/vectors/frost-v1.json");

fn hex(bytes: &[u8]) -> alloc::string::String {
	::hex::encode(bytes)
}

fn idx(i: u32) -> ParticipantIndex {
	ParticipantIndex::new(i).expect("non-zero")
}

fn compute() -> Value {
	let ctx = AttemptContext { genesis: [0x42u8; 32], key: 7, attempt: 2 };
	let (n, t) = (3u32, 1u32);
	let secrets: Vec<WorkerSecret> = (1..=n)
		.map(|i| {
			WorkerSecret::from_bytes(&DalekScalar::from(2000 + u64::from(i)).to_bytes())
				.expect("non-zero")
		})
		.collect();
	let account = |j: u32| [0x10 + j as u8; 32];
	let committee = TestCommittee::new(ctx, t, secrets, (1..=n).map(account).collect());
	let (secrets, keys) = (&committee.secrets, &committee.keys);
	let member = |i: u32| committee.member(idx(i));
	let mut rng = ChaCha20Rng::seed_from_u64(77);
	let TestKey { packages, mut envelopes, members: key_packages, group } =
		committee.make_key(&mut rng).expect("an honest committee makes its key");
	let members: Vec<Value> = (1..=n)
		.map(|i| {
			let (p, e) = (&packages[i as usize - 1], &envelopes[i as usize - 1]);
			let sender = SenderContext { attempt: ctx, sender: idx(i) };
			json!({
				"index": i,
				"identifier": hex(&identifier(idx(i)).expect("id").serialize()),
				"account": hex(&account(i)),
				"e": hex(&*secrets[i as usize - 1].to_bytes()),
				"E": hex(keys[i as usize - 1].as_bytes()),
				"round1": {
					"commitments": p.commitments.iter().map(|c| hex(c)).collect::<Vec<_>>(),
					"proof": hex(&p.proof),
				},
				"envelope": {
					"ephemeral_key": hex(&e.ephemeral_key),
					"proof": hex(&e.proof),
					"ciphertexts": e.ciphertexts.iter().map(|c| hex(c)).collect::<Vec<_>>(),
					"digest": hex(&envelope_digest(&sender, &p.commitments, e)),
				},
			})
		})
		.collect();

	// `C` over the honest attempt's envelopes (before one is replaced below).
	let digests: Vec<[u8; 32]> = (1..=n)
		.map(|i| {
			let (p, e) = (&packages[i as usize - 1], &envelopes[i as usize - 1]);
			envelope_digest(&SenderContext { attempt: ctx, sender: idx(i) }, &p.commitments, e)
		})
		.collect();
	let confirm = confirm_digest(&ctx, &digests);

	// Members 1 and 3 sign, with nonces from a fixed stream.
	let message = b"substrate-mpc frost vector";
	let mut nonce_rng = ChaCha20Rng::seed_from_u64(78);
	let signers = [1u32, 3];
	let drawn: Vec<_> = signers
		.iter()
		.map(|&i| commit(&key_packages[i as usize - 1], &mut nonce_rng).expect("commit"))
		.collect();
	let commitments: Vec<_> = signers.iter().zip(&drawn).map(|(&i, (_, c))| (idx(i), *c)).collect();
	let package = signing_package(message, &commitments).expect("package");
	let shares: Vec<_> = signers
		.iter()
		.zip(&drawn)
		.map(|(&i, (nonces, _))| {
			(idx(i), sign(&package, nonces.clone(), &key_packages[i as usize - 1]).expect("share"))
		})
		.collect();
	for (i, z) in &shares {
		group.verify_share(&package, *i, z).expect("valid share");
	}
	let signature = group.aggregate(&package, &shares).expect("signature");
	let signing: Vec<Value> = signers
		.iter()
		.zip(&drawn)
		.zip(&shares)
		.map(|((&i, (nonces, c)), (_, z))| {
			json!({
				"index": i,
				"nonces": hex(&*nonces_to_bytes(nonces)),
				"hiding": hex(&c.hiding),
				"binding": hex(&c.binding),
				"share": hex(z),
			})
		})
		.collect();

	// Member 2 sends member 3 a bad share in a re-sent envelope; member 3 complains.
	envelopes[1] = seal_envelope_with_bad_share(&member(2), &packages, idx(3)).expect("envelope");
	let DkgOutcome::Complain { sender, complaint } =
		finish_dkg(&member(3), &packages, &envelopes, &mut rng).expect("checks")
	else {
		panic!("member 3 complains")
	};
	assert_eq!(sender, idx(2));
	let sender_ctx = SenderContext { attempt: ctx, sender: idx(2) };
	let ephemeral = EphemeralKey::from_bytes(&envelopes[1].ephemeral_key).expect("E");
	let ciphertext = envelopes[1].ciphertexts[1];
	let verdict = judge_frost_complaint(
		&FrostComplaintSubject {
			sender: &sender_ctx,
			recipient: idx(3),
			recipient_key: &keys[2],
			ephemeral_key: &ephemeral,
			commitments: &packages[1].commitments,
			ciphertext: &ciphertext,
		},
		&complaint.shared_key.to_bytes(),
		&complaint.proof.to_bytes(),
	)
	.expect("well formed");
	assert_eq!(verdict, ComplaintVerdict::InputDisqualified { reason: ShareError::CheckFailed });

	// The digests that name an attempt and a signing package (sections 14.3, 14.6), and a
	// key committee's draw seed (section 14.8).
	let attempt_members: Vec<(AccountBytes, EncryptionKey)> =
		(1..=n).map(account).zip(keys.iter().copied()).collect();
	let request = 5u64;
	let rho = [0x5au8; 32];

	json!({
		"section": "PROTOCOL.md section 14",
		"genesis": hex(&ctx.genesis),
		"key": ctx.key,
		"attempt": ctx.attempt,
		"n": n,
		"t": t,
		"members": members,
		"group_key": hex(&group.group_key()),
		"verifying_shares": group.verifying_shares().iter().map(|s| hex(s)).collect::<Vec<_>>(),
		"key_digest": hex(&FrostGroup::digest(&ctx, t, &packages).expect("digest")),
		"attempt_digest": hex(&attempt_digest(&ctx, t, &attempt_members)),
		"confirm_digest": hex(&confirm),
		"committee_seed": {
			"rho": hex(&rho),
			"seed": hex(&key_committee_seed(&rho, ctx.key)),
		},
		"signing": {
			"request": request,
			"attempt": 0,
			"message": hex(message),
			"signers": signing,
			"package_digest": hex(&package_digest(
				&ctx.genesis,
				ctx.key,
				request,
				0,
				message,
				&commitments,
			)),
			"signature": hex(&signature),
		},
		"complaint": {
			"sender": 2,
			"recipient": 3,
			"envelope": {
				"ephemeral_key": hex(&envelopes[1].ephemeral_key),
				"proof": hex(&envelopes[1].proof),
				"ciphertexts": envelopes[1].ciphertexts.iter().map(|c| hex(c)).collect::<Vec<_>>(),
				"digest": hex(&envelope_digest(&sender_ctx, &packages[1].commitments, &envelopes[1])),
			},
			"shared_key": hex(&complaint.shared_key.to_bytes()),
			"proof": hex(&complaint.proof.to_bytes()),
			"verdict": "sender at fault: the share does not match the commitments",
		},
	})
}

#[test]
fn frost_vectors_match() {
	check_vector_file(PATH, "MPC_WRITE_FROST_VECTORS", &compute());
}
