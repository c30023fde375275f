//! The beacon in the mock runtime (PROTOCOL.md section 11): DKG, complaints, rounds, history,
//! re-keying, and every bad call refused without a trace.

use super::*;
use frame_support::{assert_noop, assert_ok, traits::Randomness as _};
use mpc_primitives::{
	deal_key, dealing_digest, testing::corrupt_key_share, verify_round, CommitteeShape,
	DealerContext, EpochContext, GroupKey, KeyDealing, KeyShare, Point, RoundContext, RoundShare,
	Scalar,
};

const PENALTY: Balance = FAULT_PENALTY;

/// A beacon of `members` workers (accounts `1..=members`), its DKG started in block 2.
fn beacon(members: u8) -> u64 {
	BeaconMembers::set(u32::from(members));
	register_workers(members);
	run_to_block(2);
	let dkg = BeaconDkg::<Test>::get().expect("a DKG started");
	assert_eq!(dkg.committee.len(), members as usize);
	dkg.epoch
}

fn epoch_ctx(epoch: u64) -> EpochContext {
	EpochContext { genesis: Mpc::genesis_hash(), epoch }
}

fn committee_keys() -> Vec<mpc_primitives::EncryptionKey> {
	BeaconDkg::<Test>::get().expect("DKG").committee.iter().map(|m| m.key).collect()
}

/// Member `j`'s (account `j`) honest dealing for `epoch`.
fn key_dealing(epoch: u64, j: u8) -> KeyDealing {
	let ctx = DealerContext { epoch: epoch_ctx(epoch), dealer: index(j.into()) };
	deal_key(&ctx, acc(j).as_ref(), &committee_keys(), &mut rng(u64::from(j) + 77 * epoch))
		.expect("deal")
}

fn deal_as(epoch: u64, j: u8, d: KeyDealing) -> DispatchResultWithPostInfo {
	Mpc::submit_key_dealing(origin(j), epoch, d.try_into().expect("fits"))
}

/// Every member in `dealers` deals honestly, then the DKG runs to its end.
fn run_dkg(epoch: u64, dealers: &[u8]) {
	for &j in dealers {
		assert_ok!(deal_as(epoch, j, key_dealing(epoch, j)));
	}
	let end = BeaconDkg::<Test>::get().expect("DKG").complaints_until;
	run_to_block(end);
}

/// Member `i`'s key share of `epoch`, from the qualified dealings on chain.
fn key_share(epoch: u64, i: u8) -> KeyShare {
	let key = BeaconKeys::<Test>::get(epoch).expect("key");
	let secret =
		worker_secret(AsRef::<[u8; 32]>::as_ref(&key.committee[i as usize - 1].account)[0]);
	let shares: Vec<Scalar> = key
		.qualified
		.iter()
		.map(|&j| {
			let d = KeyDealings::<Test>::get(epoch, j).expect("dealing");
			let commitments: Vec<Point> =
				d.commitments.iter().map(|a| Point::from_bytes(a).expect("point")).collect();
			let ctx = DealerContext { epoch: epoch_ctx(epoch), dealer: j };
			*secret
				.open_key_share(
					&ctx,
					index(i.into()),
					&d.ephemeral_key,
					&d.ciphertexts[i as usize - 1],
					&commitments,
				)
				.expect("an honest share")
		})
		.collect();
	KeyShare::from_shares(index(i.into()), &shares)
}

fn round_ctx(round: u64) -> RoundContext {
	let stored = BeaconRounds::<Test>::get(round).expect("round");
	RoundContext { epoch: epoch_ctx(stored.epoch), round, seed: stored.seed }
}

fn round_share(round: u64, i: u8) -> RoundShare {
	let epoch = BeaconRounds::<Test>::get(round).expect("round").epoch;
	key_share(epoch, i).round_share(&round_ctx(round), &mut rng(round * 10 + u64::from(i)))
}

/// The digest that names dealing `j` of `epoch` on chain.
fn digest_of(epoch: u64, j: u32) -> [u8; 32] {
	KeyDealings::<Test>::get(epoch, index(j)).expect("dealing").digest
}

fn post(round: u64, i: u8, share: RoundShare) -> DispatchResultWithPostInfo {
	Mpc::submit_round_share(origin(i), round, share.point, share.proof)
}

fn group_key(epoch: u64) -> GroupKey {
	let key = BeaconKeys::<Test>::get(epoch).expect("key");
	let shape = CommitteeShape::new(key.committee.len() as u32).expect("shape");
	GroupKey::from_commitments(
		shape,
		key.commitments.iter().map(|a| Point::from_bytes(a).expect("point")).collect(),
	)
	.expect("group key")
}

#[test]
fn the_committee_makes_a_key_and_rounds_that_anyone_can_verify() {
	new_test_ext().execute_with(|| {
		let epoch = beacon(5);
		assert!(System::events().iter().any(|e| matches!(
			e.event,
			RuntimeEvent::Mpc(Event::BeaconDkgStarted { epoch: 0, .. })
		)));
		run_dkg(epoch, &[1, 2, 3, 4, 5]);
		let (active, _) = ActiveBeaconEpoch::<Test>::get().expect("a key is active");
		assert_eq!(active, epoch);
		let key = BeaconKeys::<Test>::get(epoch).expect("key");
		assert_eq!(key.qualified.len(), 5);
		// Each member's share matches its public share on chain.
		for i in 1..=5u8 {
			assert_eq!(
				key_share(epoch, i).public_share().to_bytes(),
				key.public_shares[i as usize - 1]
			);
		}
		// The key opened round 0 in the same block.
		let round = OpenBeaconRound::<Test>::get().expect("a round is open");
		assert_eq!(round, 0);
		// t_B + 1 = 3 shares complete it; the fee of each is refunded.
		for i in [2u8, 4] {
			let info = post(round, i, round_share(round, i)).expect("valid share");
			assert_eq!(info.pays_fee, Pays::No);
			assert!(BeaconRounds::<Test>::get(round).expect("round").output.is_none());
		}
		assert_ok!(post(round, 5, round_share(round, 5)));
		let stored = BeaconRounds::<Test>::get(round).expect("round");
		let (output, at) = stored.output.expect("completed");
		assert_eq!(at, System::block_number());
		assert_eq!(OpenBeaconRound::<Test>::get(), None);
		assert_eq!(LatestBeaconRound::<Test>::get(), Some(round));
		// Anyone re-verifies it from storage alone.
		let shares: Vec<_> = stored
			.shares
			.iter()
			.map(|s| (s.index, RoundShare { point: s.point, proof: s.proof }))
			.collect();
		let verified =
			verify_round(&round_ctx(round), &group_key(epoch), &shares).expect("verifies");
		// The round's seed is the hash of the parent of the block it opened in.
		assert_eq!(stored.seed, System::block_hash(stored.opened - 1).0);
		assert_eq!(verified.value, output);
		// Other pallets get it through `Randomness`, per subject, known since `at`, from the
		// next block on (see `randomness_never_serves_a_round_completed_in_the_callers_block`).
		run_to_block(at + 1);
		let (value, known) = BeaconRandomness::<Test>::random(b"lottery");
		assert_eq!(known, at);
		assert_eq!(value.as_ref(), &mpc_primitives::subject_value(&output, b"lottery")[..]);
		assert_ne!(BeaconRandomness::<Test>::random(b"other").0, value);
	});
}

#[test]
fn withholding_or_choosing_shares_does_not_change_the_output() {
	let output_of = |who: [u8; 3]| {
		new_test_ext().execute_with(|| {
			let epoch = beacon(5);
			run_dkg(epoch, &[1, 2, 3, 4, 5]);
			for i in who {
				assert_ok!(post(0, i, round_share(0, i)));
			}
			BeaconRounds::<Test>::get(0).expect("round").output.expect("completed").0
		})
	};
	let first = output_of([1, 2, 3]);
	assert_eq!(output_of([5, 4, 3]), first);
	assert_eq!(output_of([2, 5, 1]), first);
}

#[test]
fn a_bad_dealer_is_disqualified_and_a_false_accuser_pays() {
	new_test_ext().execute_with(|| {
		let epoch = beacon(5);
		let dkg_ctx = |j: u8| DealerContext { epoch: epoch_ctx(epoch), dealer: index(j.into()) };
		// Dealer 2 gives member 3 a bad share.
		let mut bad = key_dealing(epoch, 2);
		corrupt_key_share(&worker_secret(3), &dkg_ctx(2), index(3), &mut bad, Scalar::from(1u64));
		let r = bad.ephemeral_key;
		assert_ok!(deal_as(epoch, 2, bad));
		for j in [1u8, 3, 4, 5] {
			assert_ok!(deal_as(epoch, j, key_dealing(epoch, j)));
		}
		let r_key = mpc_primitives::EphemeralKey::from_bytes(&r).expect("R");
		let complaint =
			worker_secret(3).complain_key_dealing(&dkg_ctx(2), index(3), &r_key, &mut rng(5));
		// The digest the chain computed is the one anyone computes from the dealing.
		let stored = KeyDealings::<Test>::get(epoch, index(2)).expect("dealing 2");
		let parts = mpc_primitives::KeyDealingParts {
			ephemeral_key: &r,
			proof: &[0u8; 96],
			commitments: &stored.commitments,
			ciphertexts: &stored.ciphertexts,
		};
		assert_eq!(stored.digest, dealing_digest(&dkg_ctx(2), parts));
		let info = Mpc::complain_dealing(
			origin(3),
			epoch,
			index(2),
			digest_of(epoch, 2),
			complaint.shared_key.to_bytes(),
			complaint.proof.to_bytes(),
		)
		.expect("a true complaint");
		assert_eq!(info.pays_fee, Pays::No);
		assert_eq!(BeaconDkg::<Test>::get().expect("DKG").disqualified.to_vec(), vec![index(2)]);
		// Once is enough.
		assert_noop!(
			Mpc::complain_dealing(
				origin(3),
				epoch,
				index(2),
				digest_of(epoch, 2),
				complaint.shared_key.to_bytes(),
				complaint.proof.to_bytes(),
			),
			Error::<Test>::DealerAlreadyDisqualified
		);
		// Member 4 complains about dealer 1's good share: its bond pays.
		let d1 = KeyDealings::<Test>::get(epoch, index(1)).expect("dealing 1");
		let false_complaint = worker_secret(4).complain_key_dealing(
			&dkg_ctx(1),
			index(4),
			&d1.ephemeral_key,
			&mut rng(6),
		);
		let bond = Workers::<Test>::get(acc(4)).expect("worker").bond;
		let info = Mpc::complain_dealing(
			origin(4),
			epoch,
			index(1),
			d1.digest,
			false_complaint.shared_key.to_bytes(),
			false_complaint.proof.to_bytes(),
		)
		.expect("judged");
		assert_eq!(info.pays_fee, Pays::Yes);
		let after = Workers::<Test>::get(acc(4)).expect("worker");
		assert_eq!((after.bond, after.faults), (bond - PENALTY, 1));
		assert!(System::events().iter().any(|e| matches!(
			e.event,
			RuntimeEvent::Mpc(Event::BeaconMemberFaulted { epoch: 0, penalty: PENALTY, .. })
		)));
		// The key is made of the other four dealings, and member 3's share of it is right.
		let end = BeaconDkg::<Test>::get().expect("DKG").complaints_until;
		run_to_block(end);
		let key = BeaconKeys::<Test>::get(epoch).expect("key");
		assert_eq!(key.qualified.to_vec(), vec![index(1), index(3), index(4), index(5)]);
		assert_eq!(key_share(epoch, 3).public_share().to_bytes(), key.public_shares[2]);
		for i in [1u8, 3, 5] {
			assert_ok!(post(0, i, round_share(0, i)));
		}
		assert!(BeaconRounds::<Test>::get(0).expect("round").output.is_some());
	});
}

#[test]
fn a_dkg_with_too_few_dealings_fails_and_another_starts() {
	new_test_ext().execute_with(|| {
		let epoch = beacon(5);
		// t_B = 2 needs three dealings; two arrive.
		run_dkg(epoch, &[1, 2]);
		assert!(System::events().iter().any(|e| matches!(
			e.event,
			RuntimeEvent::Mpc(Event::BeaconDkgFailed { epoch: 0, dealings: 2 })
		)));
		assert_eq!(ActiveBeaconEpoch::<Test>::get(), None);
		assert_eq!(KeyDealings::<Test>::iter_prefix(epoch).count(), 0);
		assert_eq!(OpenBeaconRound::<Test>::get(), None);
		run_to_block(System::block_number() + 1);
		let next = BeaconDkg::<Test>::get().expect("a new DKG").epoch;
		assert_eq!(next, epoch + 1);
		run_dkg(next, &[1, 2, 3]);
		assert_eq!(ActiveBeaconEpoch::<Test>::get().map(|(e, _)| e), Some(next));
	});
}

#[test]
fn rounds_are_never_skipped_and_old_ones_are_pruned() {
	new_test_ext().execute_with(|| {
		let epoch = beacon(3);
		run_dkg(epoch, &[1, 2, 3]);
		assert_eq!(OpenBeaconRound::<Test>::get(), Some(0));
		// Nobody posts for many periods: round 0 stays open, no other opens.
		run_to_block(System::block_number() + 20);
		assert_eq!(OpenBeaconRound::<Test>::get(), Some(0));
		assert_eq!(NextBeaconRound::<Test>::get(), 1);
		// It completes late; the next opens in the next block, since a period has passed.
		let history = u64::from(<<Test as Config>::BeaconHistory as Get<u32>>::get());
		for round in 0..history + 3 {
			assert_eq!(OpenBeaconRound::<Test>::get(), Some(round));
			assert_ok!(post(round, 1, round_share(round, 1)));
			assert_ok!(post(round, 3, round_share(round, 3)));
			assert!(BeaconRounds::<Test>::get(round).expect("round").output.is_some());
			let period: u64 = <<Test as Config>::BeaconPeriod as Get<u64>>::get();
			let next = LastRoundOpened::<Test>::get().expect("opened") + period;
			run_to_block(next.max(System::block_number() + 1));
		}
		// Only the last `BeaconHistory` completed rounds stay, and the open one.
		let latest = LatestBeaconRound::<Test>::get().expect("latest");
		assert_eq!(latest, history + 2);
		assert_eq!(OldestBeaconRound::<Test>::get(), Some(latest + 1 - history));
		assert!(BeaconRounds::<Test>::get(latest - history).is_none());
		assert!(BeaconRounds::<Test>::get(latest + 1 - history).is_some());
		assert_eq!(BeaconRounds::<Test>::iter().count() as u64, history + 1);
	});
}

#[test]
fn a_member_leaving_brings_a_new_key_and_the_old_one_serves_its_open_round() {
	new_test_ext().execute_with(|| {
		register_workers(3);
		let epoch = beacon_on_more(4);
		run_dkg(epoch, &[1, 2, 3, 4]);
		assert_eq!(OpenBeaconRound::<Test>::get(), Some(0));
		// Member 4 leaves while round 0 is open: a new DKG with the three others.
		assert_ok!(Mpc::deregister_worker(origin(4)));
		run_to_block(System::block_number() + 1);
		let dkg = BeaconDkg::<Test>::get().expect("a new DKG");
		assert_eq!(dkg.committee.len(), 3);
		let next = dkg.epoch;
		run_dkg(next, &[1, 2, 3]);
		assert_eq!(ActiveBeaconEpoch::<Test>::get().map(|(e, _)| e), Some(next));
		// Round 0 still runs under the old key, which stays while it is stored.
		assert_eq!(BeaconRounds::<Test>::get(0).expect("round").epoch, epoch);
		assert!(BeaconKeys::<Test>::get(epoch).is_some());
		assert_ok!(post(0, 1, round_share(0, 1)));
		assert_ok!(post(0, 2, round_share(0, 2)));
		// Round 1 runs under the new key.
		let period: u64 = <<Test as Config>::BeaconPeriod as Get<u64>>::get();
		run_to_block(System::block_number() + period);
		assert_eq!(BeaconRounds::<Test>::get(1).expect("round 1").epoch, next);
	});
}

/// The beacon on with `members`, when workers `1..` are registered already.
fn beacon_on_more(members: u8) -> u64 {
	BeaconMembers::set(u32::from(members));
	for n in 1..=members {
		if Workers::<Test>::get(acc(n)).is_none() {
			register(n);
		}
	}
	run_to_block(System::block_number() + 1);
	BeaconDkg::<Test>::get().expect("a DKG started").epoch
}

#[test]
fn every_bad_beacon_call_is_refused_without_a_trace() {
	new_test_ext().execute_with(|| {
		let epoch = beacon(3);
		let good = key_dealing(epoch, 1);
		// Wrong epoch, not a member, a dealing proven by someone else, wrong sizes.
		assert_noop!(deal_as(epoch + 1, 1, good.clone()), Error::<Test>::NoDkg);
		assert_noop!(deal_as(epoch, ATTACKER, good.clone()), Error::<Test>::NotBeaconMember);
		assert_noop!(deal_as(epoch, 2, good.clone()), Error::<Test>::InvalidDealingProof);
		let mut short = good.clone();
		short.commitments.pop();
		assert_noop!(deal_as(epoch, 1, short), Error::<Test>::WrongCommitmentCount);
		let mut few = good.clone();
		few.ciphertexts.pop();
		assert_noop!(deal_as(epoch, 1, few), Error::<Test>::WrongCiphertextCount);
		let mut identity = good.clone();
		identity.ephemeral_key = [0u8; 32];
		assert_noop!(deal_as(epoch, 1, identity), Error::<Test>::IdentityEphemeralKey);
		let mut bad_r = good.clone();
		bad_r.ephemeral_key = [0xff; 32];
		assert_noop!(deal_as(epoch, 1, bad_r), Error::<Test>::BadEphemeralKeyEncoding);
		let mut bad_a = good.clone();
		bad_a.commitments[1] = [0xff; 32];
		assert_noop!(deal_as(epoch, 1, bad_a), Error::<Test>::BadCommitmentEncoding);
		assert_ok!(deal_as(epoch, 1, good.clone()));
		assert_noop!(deal_as(epoch, 1, key_dealing(epoch, 1)), Error::<Test>::AlreadyDealt);
		// Another member's dealing with dealing 1's `R`.
		let mut copied_r = key_dealing(epoch, 2);
		copied_r.ephemeral_key = good.ephemeral_key;
		assert_noop!(deal_as(epoch, 2, copied_r), Error::<Test>::RepeatedEphemeralKey);
		// Complaints: unknown dealing, another R, a bad proof, a non-member.
		let d1 = KeyDealings::<Test>::get(epoch, index(1)).expect("dealing");
		let ctx = DealerContext { epoch: epoch_ctx(epoch), dealer: index(1) };
		let c =
			worker_secret(2).complain_key_dealing(&ctx, index(2), &d1.ephemeral_key, &mut rng(1));
		let complain = |who: u8, dealer: u32, h: [u8; 32], proof: [u8; 64]| {
			Mpc::complain_dealing(
				origin(who),
				epoch,
				index(dealer),
				h,
				c.shared_key.to_bytes(),
				proof,
			)
		};
		let r = d1.digest;
		assert_noop!(complain(2, 3, r, c.proof.to_bytes()), Error::<Test>::UnknownDealing);
		assert_noop!(complain(2, 1, [7u8; 32], c.proof.to_bytes()), Error::<Test>::DealingMismatch);
		assert_noop!(complain(ATTACKER, 1, r, c.proof.to_bytes()), Error::<Test>::NotBeaconMember);
		let mut proof = c.proof.to_bytes();
		proof[40] ^= 1;
		assert_noop!(complain(2, 1, r, proof), Error::<Test>::InvalidComplaintProof);
		// Member 3 presents member 2's complaint as its own: the proof binds the member.
		assert_noop!(complain(3, 1, r, c.proof.to_bytes()), Error::<Test>::InvalidComplaintProof);
		assert_noop!(complain(2, 1, r, [0xff; 64]), Error::<Test>::BadComplaintProofEncoding);
		assert_noop!(
			Mpc::complain_dealing(origin(2), epoch, index(1), r, [0xff; 32], c.proof.to_bytes()),
			Error::<Test>::BadSharedKeyEncoding
		);
		// After the dealing window: no more dealings; after the complaint window, no
		// complaints (the DKG ended).
		let dkg = BeaconDkg::<Test>::get().expect("DKG");
		run_to_block(dkg.deals_until);
		assert_noop!(deal_as(epoch, 2, key_dealing(epoch, 2)), Error::<Test>::DealingWindowClosed);
		// Only one dealing: the DKG fails; give it a key by a second attempt.
		run_to_block(dkg.complaints_until);
		assert_noop!(complain(2, 1, r, c.proof.to_bytes()), Error::<Test>::NoDkg);
		run_to_block(System::block_number() + 1);
		let next = BeaconDkg::<Test>::get().expect("another DKG").epoch;
		run_dkg(next, &[1, 2, 3]);
		// Round shares: unknown round, a non-member, a share for another round or by another
		// member, a duplicate, a completed round.
		let share = round_share(0, 1);
		assert_noop!(post(9, 1, share), Error::<Test>::UnknownRound);
		assert_noop!(post(0, ATTACKER, share), Error::<Test>::NotBeaconMember);
		assert_noop!(post(0, 2, share), Error::<Test>::InvalidRoundShare);
		let mut bent = share;
		bent.proof[3] ^= 1;
		assert_noop!(post(0, 1, bent), Error::<Test>::InvalidRoundShare);
		assert_ok!(post(0, 1, share));
		assert_noop!(post(0, 1, share), Error::<Test>::RoundShareAlreadySubmitted);
		assert_ok!(post(0, 2, round_share(0, 2)));
		assert_noop!(post(0, 3, round_share(0, 3)), Error::<Test>::RoundAlreadyComplete);
	});
}

/// A beacon duty from outside the committee it names never reaches the pool
/// (`CheckWorkerDuty`): the DKG's messages are open to the epoch's committee while the DKG runs
/// and after it made the key (a late dealing still lands, and fails on dispatch), a round
/// share to the committee of the round's epoch; an epoch or round that does not exist has no
/// members.
#[test]
fn the_pool_refuses_a_beacon_duty_from_outside_its_committee() {
	use crate::extension::testing::{check, refused, zero_duties};
	new_test_ext().execute_with(|| {
		let epoch = beacon(3);
		assert_eq!(epoch, 0, "the calls built from zeros name epoch 0 and round 0");
		let duty = |name: &str| {
			zero_duties().into_iter().find(|(n, _)| *n == name).expect("decodes from zeros").1
		};
		let (dealing, round_share) = (duty("submit_key_dealing"), duty("submit_round_share"));
		let members = [1u8, 2, 3];

		// The DKG runs; no round yet.
		for m in members {
			assert_eq!(check(&acc(m), dealing.clone()), Ok(()));
			assert!(Mpc::may_perform(&acc(m), Duty::BeaconEpoch(epoch)));
			assert!(!Mpc::may_perform(&acc(m), Duty::BeaconEpoch(epoch + 1)));
			assert_eq!(check(&acc(m), round_share.clone()), refused(), "no round 0 yet");
		}
		assert_eq!(check(&acc(ATTACKER), dealing.clone()), refused());

		// The key is made and round 0 opens.
		run_dkg(epoch, &members);
		assert!(BeaconDkg::<Test>::get().is_none_or(|d| d.epoch != epoch));
		assert!(BeaconRounds::<Test>::contains_key(0));
		for m in members {
			assert_eq!(check(&acc(m), dealing.clone()), Ok(()), "late, still a member");
			assert_eq!(check(&acc(m), round_share.clone()), Ok(()));
			assert!(!Mpc::may_perform(&acc(m), Duty::BeaconRound(9)));
		}
		assert_eq!(check(&acc(ATTACKER), dealing.clone()), refused());
		assert_eq!(check(&acc(ATTACKER), round_share.clone()), refused());

		// A member that leaves (no seat holds it: the key outlives its committee's seats) is
		// refused from then on; the others still pass.
		assert_ok!(Mpc::deregister_worker(origin(3)));
		assert_eq!(check(&acc(3), dealing.clone()), refused(), "left");
		assert_eq!(check(&acc(3), round_share.clone()), refused(), "left");
		assert_eq!(check(&acc(1), round_share), Ok(()));
	});
}

#[test]
fn no_beacon_runs_with_fewer_than_three_workers_or_when_off() {
	new_test_ext().execute_with(|| {
		BeaconMembers::set(5);
		register_workers(2);
		run_to_block(5);
		assert!(BeaconDkg::<Test>::get().is_none());
		register(3);
		run_to_block(6);
		assert_eq!(BeaconDkg::<Test>::get().expect("a DKG").committee.len(), 3);
	});
	new_test_ext().execute_with(|| {
		BeaconMembers::set(0);
		register_workers(5);
		run_to_block(5);
		assert!(BeaconDkg::<Test>::get().is_none());
		assert_eq!(BeaconRandomness::<Test>::random(b"x").1, 0);
	});
}

/// Every member in `dealers` of the running DKG deals; returns its epoch.
fn deal_all(dealers: &[u8]) -> u64 {
	let dkg = BeaconDkg::<Test>::get().expect("a DKG");
	for &j in dealers {
		let i = dkg.committee.iter().position(|m| m.account == acc(j)).expect("a member") + 1;
		let ctx = DealerContext { epoch: epoch_ctx(dkg.epoch), dealer: index(i as u32) };
		let keys = committee_keys();
		let d = deal_key(&ctx, acc(j).as_ref(), &keys, &mut rng(u64::from(j) + 1000 * dkg.epoch))
			.expect("deal");
		assert_ok!(Mpc::submit_key_dealing(origin(j), dkg.epoch, d.try_into().expect("fits")));
	}
	dkg.epoch
}

fn end_dkg() {
	let end = BeaconDkg::<Test>::get().expect("DKG").complaints_until;
	run_to_block(end);
}

fn committee_accounts() -> Vec<AccountId> {
	BeaconDkg::<Test>::get().expect("DKG").committee.iter().map(|m| m.account.clone()).collect()
}

#[test]
fn a_failed_rekey_is_retried_at_once_without_the_members_that_did_not_deal() {
	new_test_ext().execute_with(|| {
		BeaconMembers::set(3);
		register_workers(6);
		run_to_block(2);
		assert_eq!(committee_accounts(), vec![acc(1), acc(2), acc(3)]);
		let first = deal_all(&[1, 2, 3]);
		end_dkg();
		assert_eq!(ActiveBeaconEpoch::<Test>::get().map(|(e, _)| e), Some(first));
		// Member 3 leaves: a new DKG, with the next worker of the pool.
		assert_ok!(Mpc::deregister_worker(origin(3)));
		run_to_block(System::block_number() + 1);
		assert_eq!(committee_accounts(), vec![acc(1), acc(2), acc(4)]);
		// Only member 1 deals: it fails, and the next one starts at once (the request stands)
		// without 2 and 4.
		deal_all(&[1]);
		end_dkg();
		assert_eq!(ActiveBeaconEpoch::<Test>::get().map(|(e, _)| e), Some(first));
		assert!(BeaconRekey::<Test>::get());
		assert_eq!(BeaconSkip::<Test>::get().to_vec(), vec![acc(2), acc(4)]);
		run_to_block(System::block_number() + 1);
		assert_eq!(committee_accounts(), vec![acc(1), acc(5), acc(6)]);
		let third = deal_all(&[1, 5, 6]);
		end_dkg();
		assert_eq!(ActiveBeaconEpoch::<Test>::get().map(|(e, _)| e), Some(third));
		assert!(!BeaconRekey::<Test>::get());
		assert!(BeaconSkip::<Test>::get().is_empty());
	});
}

/// A member that leaves while the DKG runs still sits in the key it makes, and its round
/// shares are refused from the pool: the request for a new key outlives that key, and the
/// next DKG starts at once without the member.
#[test]
fn a_member_that_leaves_during_a_dkg_brings_the_next_dkg_at_once() {
	new_test_ext().execute_with(|| {
		BeaconMembers::set(3);
		register_workers(4);
		run_to_block(2);
		assert_eq!(committee_accounts(), vec![acc(1), acc(2), acc(3)]);
		let first = deal_all(&[1, 2, 3]);
		assert_ok!(Mpc::deregister_worker(origin(3)));
		assert!(BeaconRekey::<Test>::get());
		end_dkg();
		assert_eq!(ActiveBeaconEpoch::<Test>::get().map(|(e, _)| e), Some(first));
		assert!(BeaconKeys::<Test>::get(first)
			.expect("key")
			.committee
			.iter()
			.any(|m| m.account == acc(3)));
		assert!(BeaconRekey::<Test>::get(), "the request stands");
		run_to_block(System::block_number() + 1);
		assert_eq!(committee_accounts(), vec![acc(1), acc(2), acc(4)]);
		let second = deal_all(&[1, 2, 4]);
		end_dkg();
		assert_eq!(ActiveBeaconEpoch::<Test>::get().map(|(e, _)| e), Some(second));
		assert!(!BeaconRekey::<Test>::get());
	});
}

#[test]
fn a_member_that_rotates_its_key_brings_a_new_dkg_with_the_new_key() {
	new_test_ext().execute_with(|| {
		let epoch = beacon(3);
		run_dkg(epoch, &[1, 2, 3]);
		let new_secret = worker_secret(99);
		let proof = new_secret.prove_possession(&Mpc::genesis_hash(), acc(2).as_ref(), &mut rng(2));
		assert_ok!(Mpc::rotate_key(
			origin(2),
			new_secret.public_key().to_bytes(),
			proof.to_bytes()
		));
		assert!(BeaconRekey::<Test>::get());
		run_to_block(System::block_number() + 1);
		let dkg = BeaconDkg::<Test>::get().expect("a new DKG");
		assert_eq!(dkg.committee[1].key, *new_secret.public_key());
	});
}

#[test]
fn a_round_an_old_key_does_not_finish_moves_to_the_new_key() {
	new_test_ext().execute_with(|| {
		BeaconMembers::set(3);
		register_workers(4);
		run_to_block(2);
		let old = deal_all(&[1, 2, 3]);
		end_dkg();
		assert_eq!(OpenBeaconRound::<Test>::get(), Some(0));
		// Two of the old committee leave: it can no longer finish round 0.
		assert_ok!(Mpc::deregister_worker(origin(2)));
		run_to_block(System::block_number() + 1);
		let new = deal_all(&[1, 3, 4]);
		end_dkg();
		assert_eq!(ActiveBeaconEpoch::<Test>::get().map(|(e, _)| e), Some(new));
		assert_ok!(Mpc::deregister_worker(origin(3)));
		let stored = BeaconRounds::<Test>::get(0).expect("round 0");
		assert_eq!((stored.epoch, stored.output), (old, None));
		// Four periods after it opened it moves to the new key, with a new seed.
		let period: u64 = <<Test as Config>::BeaconPeriod as Get<u64>>::get();
		run_to_block(stored.opened + 4 * period - 1);
		assert_eq!(BeaconRounds::<Test>::get(0).expect("round 0").epoch, old);
		run_to_block(stored.opened + 4 * period);
		let moved = BeaconRounds::<Test>::get(0).expect("round 0");
		assert_eq!((moved.epoch, moved.opened), (new, System::block_number()));
		assert_ne!(moved.seed, stored.seed);
		assert!(System::events().iter().any(|e| matches!(
			e.event,
			RuntimeEvent::Mpc(Event::BeaconRoundMoved { round: 0, .. })
		)));
		// The new committee (1, 3 and 4; 3 left but its share still counts) finishes it.
		let members: Vec<u8> = BeaconKeys::<Test>::get(new)
			.expect("key")
			.committee
			.iter()
			.map(|m| AsRef::<[u8; 32]>::as_ref(&m.account)[0])
			.collect();
		assert_eq!(members, vec![1, 3, 4]);
		// Account 3 is member 2 of the new committee.
		assert_ok!(post(0, 1, round_share(0, 1)));
		assert_ok!(post(0, 3, round_share(0, 2)));
		assert!(BeaconRounds::<Test>::get(0).expect("round 0").output.is_some());
	});
}

#[test]
fn randomness_never_serves_a_round_completed_in_the_callers_block() {
	new_test_ext().execute_with(|| {
		let epoch = beacon(3);
		run_dkg(epoch, &[1, 2, 3]);
		assert_ok!(post(0, 1, round_share(0, 1)));
		assert_ok!(post(0, 2, round_share(0, 2)));
		let completed = System::block_number();
		// In its own block the value of round 0 is not served (none before it).
		assert_eq!(BeaconRandomness::<Test>::random(b"x").1, 0);
		run_to_block(completed + 5);
		let (first, at) = BeaconRandomness::<Test>::random(b"x");
		assert_eq!(at, completed);
		// Round 1 completes: in that block, round 0 is still the one served.
		assert_eq!(OpenBeaconRound::<Test>::get(), Some(1));
		assert_ok!(post(1, 2, round_share(1, 2)));
		assert_ok!(post(1, 3, round_share(1, 3)));
		assert_eq!(BeaconRandomness::<Test>::random(b"x"), (first, completed));
		run_to_block(System::block_number() + 1);
		let (second, at) = BeaconRandomness::<Test>::random(b"x");
		assert_eq!(at, System::block_number() - 1);
		assert_ne!(second, first);
	});
}

// ---------------------------------------------------------------------------------------------
// Committee draws (PROTOCOL.md section 11.7)
// ---------------------------------------------------------------------------------------------

/// The committee PROTOCOL.md section 11.6 draws for `job_id` with `rho` from `candidates`,
/// those in `left` no longer eligible.
fn expected_committee(
	job_id: JobId,
	rho: &[u8; 32],
	candidates: &[AccountId],
	n: usize,
	left: &[AccountId],
) -> Vec<AccountId> {
	let seed = mpc_primitives::committee_seed(rho, job_id);
	mpc_primitives::draw_committee(&seed, candidates.len(), n, |c| !left.contains(&candidates[c]))
		.into_iter()
		.map(|c| candidates[c].clone())
		.collect()
}

fn job_committee(job_id: JobId) -> Vec<AccountId> {
	Committees::<Test>::get(job_id).iter().map(|m| m.account.clone()).collect()
}

fn completed(round: u64) -> [u8; 32] {
	BeaconRounds::<Test>::get(round).and_then(|r| r.output).expect("completed").0
}

/// Members 1, 2 and 3 complete `round`.
fn complete(round: u64) -> [u8; 32] {
	for i in 1..=3u8 {
		assert_ok!(post(round, i, round_share(round, i)));
	}
	completed(round)
}

#[test]
fn jobs_are_drawn_with_a_round_nobody_knew_when_they_were_created() {
	new_test_ext().execute_with(|| {
		let epoch = beacon(5);
		run_dkg(epoch, &[1, 2, 3, 4, 5]);
		// Round 0 opened in this block, with the key. A job created now does not take it: its
		// seed is this block's parent hash, shared by any sibling block, so on another branch
		// its output may be public already. The job waits for round 1.
		assert_eq!(OpenBeaconRound::<Test>::get(), Some(0));
		let created = System::block_number();
		let pool: Vec<AccountId> = WorkerList::<Test>::get().into_inner();
		let a = NextJobId::<Test>::get();
		assert_ok!(Mpc::create_job(origin(OWNER), spec(3, 1, 1)));
		assert_eq!(job(a).phase, JobPhase::Drawing);
		assert_eq!(Committees::<Test>::get(a).len(), 0);
		let drawing = Drawings::<Test>::get(a).expect("waits");
		assert_eq!((drawing.round, drawing.candidates.to_vec()), (1, pool.clone()));
		System::assert_has_event(
			Event::JobCreated { job_id: a, owner: acc(OWNER), draw_round: Some(1) }.into(),
		);
		// Inputs wait for the committee.
		assert_noop!(submit_as(a, 40, &dealing_for_three(a)), Error::<Test>::NotCollecting);

		// A block later a new job also waits for round 1: one round is open at a time.
		run_to_block(System::block_number() + 1);
		let b = NextJobId::<Test>::get();
		assert_ok!(Mpc::create_job(origin(OWNER), spec(3, 1, 1)));
		assert_eq!(Drawings::<Test>::get(b).expect("waits").round, 1);
		assert_eq!(OpenBeaconRound::<Test>::get(), Some(0), "no second round open");

		// Round 0 completes; round 1 opens at the start of the next block, not a BeaconPeriod
		// after round 0, with the hash of a block at or after the jobs' creation as its seed.
		complete(0);
		run_to_block(System::block_number() + 1);
		let now = System::block_number();
		assert_eq!(OpenBeaconRound::<Test>::get(), Some(1));
		assert_eq!(LastRoundOpened::<Test>::get(), Some(now));
		let opened = BeaconRounds::<Test>::get(1).expect("open");
		assert!(now > created);
		assert_eq!(opened.seed, System::block_hash(now - 1).0);
		assert_eq!(job(a).phase, JobPhase::Drawing);
		assert_ok!(Mpc::do_try_state());

		// Round 1 completes: both jobs are drawn at the start of the next block, in order.
		let rho = complete(1);
		run_to_block(System::block_number() + 1);
		let now = System::block_number();
		let committee = expected_committee(a, &rho, &pool, 3, &[]);
		assert_eq!(job_committee(a), committee);
		assert_eq!(job(a).phase, JobPhase::Collecting);
		assert_eq!(job(a).timeline.drawn, Some(now));
		assert_eq!(job(a).deadline, now + 10, "the input window counts from the draw");
		System::assert_has_event(
			Event::CommitteeDrawn { job_id: a, round: Some(1), committee: committee.clone() }
				.into(),
		);
		for (i, who) in committee.iter().enumerate() {
			assert_eq!(WorkerJobs::<Test>::get(who, a), Some(index(i as u32 + 1)));
		}
		assert!(Drawings::<Test>::get(a).is_none());
		assert_eq!(job_committee(b), expected_committee(b, &rho, &pool, 3, &[]));
		assert_eq!(DrawQueue::<Test>::get().len(), 0);
		// Job a collects inputs from its drawn committee.
		submit(a, 40, &[5]);
		assert_ok!(Mpc::do_try_state());
	});
}

fn dealing_for_three(job_id: JobId) -> Submission {
	// The job has no committee yet: a dealing to three made-up keys.
	let keys: Vec<_> = (1..=3u8).map(|n| *worker_secret(n).public_key()).collect();
	mpc_primitives::deal(&ctx(job_id, 40), &keys, 1, &[5], &mut rng(9)).expect("deal")
}

#[test]
fn a_job_created_when_no_round_is_open_has_one_opened_in_the_next_block() {
	new_test_ext().execute_with(|| {
		let epoch = beacon(5);
		run_dkg(epoch, &[1, 2, 3, 4, 5]);
		complete(0);
		run_to_block(System::block_number() + 1);
		assert_eq!(OpenBeaconRound::<Test>::get(), None, "the next round is not due yet");
		let now = System::block_number();
		let a = NextJobId::<Test>::get();
		assert_ok!(Mpc::create_job(origin(OWNER), spec(3, 1, 1)));
		// Not opened in the creation's block (its seed would be the parent hash, which a
		// sibling block shares): wanted, and opened in the next block with this block's hash.
		assert_eq!(OpenBeaconRound::<Test>::get(), None);
		assert_eq!(WantedRound::<Test>::get(), Some(1));
		// A second job in the same block shares the round.
		assert_ok!(Mpc::create_job(origin(OWNER), spec(2, 1, 1)));
		assert_eq!(Drawings::<Test>::get(a).expect("waits").round, 1);
		assert_eq!(Drawings::<Test>::get(a + 1).expect("waits").round, 1);
		run_to_block(now + 1);
		assert_eq!(OpenBeaconRound::<Test>::get(), Some(1));
		let opened = BeaconRounds::<Test>::get(1).expect("open");
		assert_eq!((opened.opened, opened.seed), (now + 1, System::block_hash(now).0));
		let rho = complete(1);
		run_to_block(now + 2);
		let pool = Drawings::<Test>::get(a).map(|d| d.candidates.to_vec());
		assert_eq!(pool, None, "both drawn");
		for (id, n) in [(a, 3), (a + 1, 2)] {
			assert_eq!(job(id).phase, JobPhase::Collecting);
			let members = job_committee(id);
			let all: Vec<AccountId> = (1..=5).map(acc).collect();
			assert_eq!(members, expected_committee(id, &rho, &all, n, &[]));
		}
		assert_ok!(Mpc::do_try_state());
	});
}

#[test]
fn candidates_are_fixed_at_creation_and_those_who_left_are_skipped() {
	new_test_ext().execute_with(|| {
		register_workers(5);
		let id = NextJobId::<Test>::get();
		assert_ok!(create_as(OWNER, spec(3, 1, 1)));
		let candidates = Drawings::<Test>::get(id).expect("waits").candidates.to_vec();
		// After creation a new worker joins, and the first candidate the draw would pick leaves.
		register(6);
		let rho = [3u8; 32];
		let first = expected_committee(id, &rho, &candidates, 3, &[])[0].clone();
		assert_ok!(Mpc::set_accepting(RuntimeOrigin::signed(first.clone()), false));
		testing_utils::draw_now::<Test>(id, rho);
		let committee = job_committee(id);
		assert_eq!(
			committee,
			expected_committee(id, &rho, &candidates, 3, core::slice::from_ref(&first))
		);
		assert!(!committee.contains(&first) && !committee.contains(&acc(6)));
		assert_ok!(Mpc::do_try_state());
	});
}

#[test]
fn a_job_without_enough_eligible_candidates_or_a_round_fails_and_returns_the_escrow() {
	new_test_ext().execute_with(|| {
		let issuance = total_issuance();
		register_workers(4);
		// Two of four candidates leave before the draw: three seats cannot be filled.
		let short = NextJobId::<Test>::get();
		assert_ok!(create_as(OWNER, spec(3, 1, 1)));
		for n in [1u8, 2] {
			assert_ok!(Mpc::set_accepting(origin(n), false));
		}
		testing_utils::draw_now::<Test>(short, [1u8; 32]);
		assert_eq!(job(short).phase, JobPhase::Failed(FailureReason::NoCommittee));
		assert_eq!(Committees::<Test>::get(short).len(), 0);
		assert_eq!(held(OWNER, HoldReason::JobEscrow), 0);
		for n in [1u8, 2] {
			assert_ok!(Mpc::set_accepting(origin(n), true));
		}

		// A round that never completes: the job fails at its draw deadline.
		let stuck = NextJobId::<Test>::get();
		assert_ok!(create_as(OWNER, spec(3, 1, 1)));
		let created = System::block_number();
		run_to_block(created + 19);
		assert_eq!(job(stuck).phase, JobPhase::Drawing);
		run_to_block(created + 20);
		assert_eq!(job(stuck).phase, JobPhase::Failed(FailureReason::NoCommittee));
		System::assert_has_event(
			Event::JobFailed { job_id: stuck, reason: FailureReason::NoCommittee }.into(),
		);
		assert_eq!(held(OWNER, HoldReason::JobEscrow), 0);
		assert_eq!(DrawQueue::<Test>::get().len(), 0);
		assert_eq!(Drawings::<Test>::iter().count(), 0);

		// The owner may cancel a waiting job.
		let cancelled = NextJobId::<Test>::get();
		assert_ok!(create_as(OWNER, spec(3, 1, 1)));
		assert_ok!(Mpc::cancel_job(origin(OWNER), cancelled));
		assert_eq!(job(cancelled).phase, JobPhase::Cancelled);
		assert_eq!(DrawQueue::<Test>::get().len(), 0);
		for id in [short, stuck, cancelled] {
			assert_ok!(Mpc::remove_job(origin(OWNER), id));
		}
		assert_eq!(held(OWNER, HoldReason::JobDeposit), 0);
		assert_eq!(total_issuance(), issuance);
		assert_ok!(Mpc::do_try_state());
	});
}

#[test]
fn draws_are_refused_without_a_beacon_or_room_and_a_pool_of_n_needs_none() {
	new_test_ext().execute_with(|| {
		register_workers(3);
		// Exactly n workers: the pool is the committee, at once.
		let id = NextJobId::<Test>::get();
		assert_ok!(Mpc::create_job(origin(OWNER), spec(3, 1, 1)));
		assert_eq!(job(id).phase, JobPhase::Collecting);
		assert_eq!(job(id).timeline.drawn, Some(System::block_number()));
		let pool: Vec<AccountId> = (1..=3).map(acc).collect();
		assert_eq!(job_committee(id), pool);
		System::assert_has_event(
			Event::CommitteeDrawn { job_id: id, round: None, committee: pool }.into(),
		);
		// More workers than seats and no beacon in this runtime.
		assert_noop!(Mpc::create_job(origin(OWNER), spec(2, 1, 1)), Error::<Test>::NoBeacon);
		// MaxWaitingJobs (4) wait; a fifth is refused.
		for n in 4..=6 {
			register(n);
		}
		for _ in 0..4 {
			assert_ok!(create_as(OWNER, spec(2, 1, 1)));
		}
		assert_noop!(create_as(OWNER, spec(2, 1, 1)), Error::<Test>::TooManyWaitingJobs);
		assert_ok!(Mpc::do_try_state());
	});
}

#[test]
fn a_round_stays_until_the_jobs_waiting_for_it_are_drawn() {
	new_test_ext().execute_with(|| {
		register_workers(4);
		let id = NextJobId::<Test>::get();
		assert_ok!(create_as(OWNER, spec(3, 1, 1)));
		assert_eq!(Drawings::<Test>::get(id).expect("waits").round, 0);
		// Rounds 0..=4 completed with round 0's jobs not drawn yet (BeaconHistory is 4).
		OldestBeaconRound::<Test>::put(0);
		for round in 0..=4 {
			testing_utils::complete_round::<Test>(round, [round as u8; 32]);
		}
		Mpc::prune_rounds(4);
		assert!(BeaconRounds::<Test>::get(0).is_some(), "kept for the waiting job");
		Mpc::process_draws(System::block_number());
		assert_eq!(job(id).phase, JobPhase::Collecting);
		Mpc::prune_rounds(4);
		assert!(BeaconRounds::<Test>::get(0).is_none(), "pruned once drawn");
	});
}

// ---------------------------------------------------------------------------------------------
// Paid round requests
// ---------------------------------------------------------------------------------------------

#[test]
fn a_paid_request_gets_a_round_nobody_knew_opened_in_a_later_block() {
	new_test_ext().execute_with(|| {
		let epoch = beacon(5);
		run_to_block(System::block_number() + 1);
		// Before any key: the request waits for the first round, which opens with the key.
		let issuance = total_issuance();
		let treasury = Balances::balance(&TreasuryAccount::get());
		let before = free(OWNER);
		assert_ok!(Mpc::request_round(origin(OWNER)));
		System::assert_has_event(Event::BeaconRoundRequested { who: acc(OWNER), round: 0 }.into());
		assert_eq!(free(OWNER), before - 50, "the fee is taken");
		assert_eq!(Balances::balance(&TreasuryAccount::get()), treasury + 50, "to Slash");
		assert_eq!(total_issuance(), issuance);
		run_dkg(epoch, &[1, 2, 3, 4, 5]);
		assert_eq!(OpenBeaconRound::<Test>::get(), Some(0));
		complete(0);
		run_to_block(System::block_number() + 1);
		// No round open and the next not due for a while: a request has one opened in the
		// next block (never in its own: see the draw round, PROTOCOL.md section 11.7).
		assert_eq!(OpenBeaconRound::<Test>::get(), None);
		let now = System::block_number();
		assert_ok!(Mpc::request_round(origin(OWNER)));
		System::assert_has_event(Event::BeaconRoundRequested { who: acc(OWNER), round: 1 }.into());
		assert_eq!(OpenBeaconRound::<Test>::get(), None);
		// In the same block a second request gets the same round.
		assert_ok!(Mpc::request_round(origin(OWNER)));
		System::assert_last_event(Event::BeaconRoundRequested { who: acc(OWNER), round: 1 }.into());
		run_to_block(now + 1);
		assert_eq!(OpenBeaconRound::<Test>::get(), Some(1));
		assert_eq!(BeaconRounds::<Test>::get(1).expect("open").opened, now + 1);
		// In the block it opened in, the open round is not handed out: the next request waits
		// for round 2, which opens as soon as round 1 completes, not a BeaconPeriod after it
		// opened.
		assert_ok!(Mpc::request_round(origin(OWNER)));
		System::assert_last_event(Event::BeaconRoundRequested { who: acc(OWNER), round: 2 }.into());
		complete(1);
		run_to_block(now + 2);
		assert_eq!(OpenBeaconRound::<Test>::get(), Some(2));
		assert_eq!(BeaconRounds::<Test>::get(2).expect("open").opened, now + 2);
		// Once round 2 completes, nothing is wanted: the next round waits for its period.
		complete(2);
		run_to_block(now + 3);
		assert_eq!(OpenBeaconRound::<Test>::get(), None);
	});
}

#[test]
fn a_request_is_refused_without_a_beacon_or_the_fee() {
	new_test_ext().execute_with(|| {
		register_workers(3);
		run_to_block(2);
		assert_noop!(Mpc::request_round(origin(OWNER)), Error::<Test>::NoBeacon);
		BeaconMembers::set(3);
		// Account 99 holds nothing.
		assert_noop!(
			Mpc::request_round(RuntimeOrigin::signed(acc(99))),
			Error::<Test>::InsufficientBalance
		);
		assert_eq!(WantedRound::<Test>::get(), None);
	});
}

#[test]
fn the_round_handed_out_is_never_the_open_one_even_if_it_opened_in_this_block() {
	new_test_ext().execute_with(|| {
		run_to_block(3);
		// Round 3 opened in this block: its seed is this block's parent hash, which a sibling
		// block shares, so its output may be known on another branch.
		OpenBeaconRound::<Test>::put(3);
		NextBeaconRound::<Test>::put(4);
		LastRoundOpened::<Test>::put(3);
		assert_eq!(Mpc::want_round(), 4);
		assert_eq!(WantedRound::<Test>::get(), Some(4));
		// Handed out rounds never go down.
		NextBeaconRound::<Test>::put(5);
		assert_eq!(Mpc::want_round(), 5);
		assert_eq!(WantedRound::<Test>::get(), Some(5));
	});
}

#[test]
fn each_draw_costs_the_round_fee_whatever_becomes_of_the_job() {
	new_test_ext().execute_with(|| {
		register_workers(4);
		let treasury = Balances::balance(&TreasuryAccount::get());
		let before = free(OWNER);
		let id = NextJobId::<Test>::get();
		assert_ok!(create_as(OWNER, spec(3, 1, 1)));
		let held = held(OWNER, HoldReason::JobEscrow) + held(OWNER, HoldReason::JobDeposit);
		assert_eq!(free(OWNER), before - held - 50, "the fee on top of what is held");
		// Cancelling returns what was held, not the fee: another try costs it again.
		assert_ok!(Mpc::cancel_job(origin(OWNER), id));
		assert_ok!(Mpc::remove_job(origin(OWNER), id));
		assert_eq!(free(OWNER), before - 50);
		assert_eq!(Balances::balance(&TreasuryAccount::get()), treasury + 50);
		// No draw, no fee: a pool of exactly n. (Cancelled after its committee was seated, the
		// job pays each member for its seat.)
		let before = free(OWNER);
		let id = NextJobId::<Test>::get();
		assert_ok!(create_as(OWNER, spec(4, 1, 1)));
		assert_ok!(Mpc::cancel_job(origin(OWNER), id));
		assert_ok!(Mpc::remove_job(origin(OWNER), id));
		let seat: Balance = <Test as Config>::MinRewardPerWorker::get();
		assert_eq!(free(OWNER), before - 4 * seat);
	});
}
