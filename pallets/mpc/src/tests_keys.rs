//! Threshold keys through the pallet (PROTOCOL.md sections 14.2-14.8): a committee makes a key
//! with real FROST packages and envelopes, signs with it, and every bad input is refused with
//! its error and no state change. Members' messages come from `mpc_primitives::frost` as the
//! worker makes them.

use crate::testing_utils::{self, index};
use crate::{mock::*, *};
use frame_support::{
	assert_noop, assert_ok,
	traits::fungible::{Inspect as _, InspectHold as _},
	BoundedVec,
};
use mpc_primitives::frost::{
	commit, finish_dkg, seal_envelope_with_bad_share, sign, signing_package,
	testing::TestCommittee, AttemptContext, DkgOutcome, Envelope, KeyPackage, Round1Package,
	SigningCommitment, SigningNonces,
};
use sp_core::ed25519;

const OWNER: u8 = 30;
const STRANGER: u8 = 50;

fn origin(n: u8) -> RuntimeOrigin {
	RuntimeOrigin::signed(acc(n))
}

/// Workers are accounts `1..=k`.
fn register_workers(k: u8) {
	register_range(1, k);
}

fn register_range(from: u8, to: u8) {
	for n in from..=to {
		let secret = worker_secret(n);
		let proof =
			secret.prove_possession(&Mpc::genesis_hash(), acc(n).as_ref(), &mut rng(n.into()));
		assert_ok!(Mpc::register_worker(
			origin(n),
			secret.public_key().to_bytes(),
			proof.to_bytes()
		));
	}
}

fn key(id: KeyId) -> ThresholdKey<Test> {
	ThresholdKeys::<Test>::get(id).expect("key")
}

/// The digest `A` of key `id`'s current attempt (zeros for no such key).
fn ad(id: KeyId) -> [u8; 32] {
	ThresholdKeys::<Test>::get(id).and_then(|k| Mpc::key_attempt_digest(id, &k)).unwrap_or_default()
}

/// The digest `P` of request `r`'s current signing package.
fn pd(r: SignRequestId) -> [u8; 32] {
	Mpc::sign_package_digest(r, &SignRequests::<Test>::get(r).expect("request"))
}

/// The committee of the key's current attempt, as its members see it.
fn attempt_committee(id: KeyId) -> (TestCommittee, Vec<u8>) {
	let k = key(id);
	let KeyStatus::Generating { attempt, members, .. } = &k.status else {
		panic!("not generating: {:?}", k.status)
	};
	let accounts: Vec<u8> =
		members.iter().map(|m| <AccountId as AsRef<[u8]>>::as_ref(&m.account)[0]).collect();
	let ctx = AttemptContext { genesis: Mpc::genesis_hash(), key: id, attempt: *attempt };
	let committee = TestCommittee::new(
		ctx,
		k.threshold,
		accounts.iter().map(|&a| worker_secret(a)).collect(),
		accounts.iter().map(|&a| *acc(a).as_ref()).collect(),
	);
	(committee, accounts)
}

fn attempt_of(id: KeyId) -> u32 {
	match key(id).status {
		KeyStatus::Generating { attempt, .. } => attempt,
		other => panic!("not generating: {other:?}"),
	}
}

fn bounded_round1(p: &Round1Package) -> BoundedRound1<Test> {
	p.clone().try_into().expect("fits")
}

fn bounded_envelope(e: &Envelope) -> BoundedEnvelope<Test> {
	e.clone().try_into().expect("fits")
}

fn post_round1(id: KeyId, accounts: &[u8], packages: &[Round1Package]) {
	let attempt = attempt_of(id);
	for (a, p) in accounts.iter().zip(packages) {
		assert_ok!(Mpc::submit_key_round1(origin(*a), id, attempt, ad(id), bounded_round1(p)));
	}
}

fn post_envelopes(id: KeyId, accounts: &[u8], envelopes: &[Envelope]) {
	let attempt = attempt_of(id);
	for (a, e) in accounts.iter().zip(envelopes) {
		assert_ok!(Mpc::submit_key_envelope(origin(*a), id, attempt, ad(id), bounded_envelope(e)));
	}
}

fn next_block() {
	run_to_block(System::block_number() + 1);
}

/// `C` of key `id`'s current attempt: its envelopes' digests, as the chain has them.
fn confirmation(id: KeyId) -> [u8; 32] {
	let k = key(id);
	let KeyStatus::Generating { attempt, members, .. } = &k.status else { panic!("generating") };
	let digests: Vec<[u8; 32]> = ParticipantIndex::all(members.len() as u32)
		.map(|j| KeyEnvelopes::<Test>::get(id, j).expect("envelope").digest)
		.collect();
	let ctx = AttemptContext { genesis: Mpc::genesis_hash(), key: id, attempt: *attempt };
	mpc_primitives::frost::confirm_digest(&ctx, &digests)
}

/// Members `accounts` confirm that their shares of key `id`'s current attempt check.
fn confirm_all(id: KeyId, accounts: &[u8]) {
	let (attempt, c) = (attempt_of(id), confirmation(id));
	for a in accounts {
		assert_ok!(Mpc::confirm_key_shares(origin(*a), id, attempt, ad(id), c));
	}
}

/// Runs the key's current attempt honestly to its end; returns the members' key packages.
fn run_honest_attempt(id: KeyId) -> Vec<KeyPackage> {
	let (c, accounts) = attempt_committee(id);
	let packages = c.round1().expect("round 1");
	post_round1(id, &accounts, &packages);
	next_block();
	let envelopes = c.envelopes(&packages).expect("envelopes");
	post_envelopes(id, &accounts, &envelopes);
	let members = c.key_packages(&packages, &envelopes, &mut rng(9)).expect("key packages");
	next_block();
	confirm_all(id, &accounts);
	let KeyStatus::Generating { until, step, .. } = key(id).status else { panic!("generating") };
	assert_eq!(step, DkgStep::Complaints);
	assert_eq!(until, System::block_number() + 1, "every member confirmed: the window ends");
	run_to_block(until);
	members
}

/// A 5-member key (t = 2) of workers 1..=5, made; returns its id and key packages.
fn active_key() -> (KeyId, Vec<KeyPackage>) {
	register_workers(5);
	let id = NextKeyId::<Test>::get();
	assert_ok!(Mpc::create_key(origin(OWNER), 5, 2));
	let members = run_honest_attempt(id);
	assert!(matches!(key(id).status, KeyStatus::Active { .. }));
	(id, members)
}

fn group_key(id: KeyId) -> [u8; 32] {
	match key(id).status {
		KeyStatus::Active { group_key, .. } => group_key,
		other => panic!("not active: {other:?}"),
	}
}

fn request(id: KeyId, message: &[u8]) -> SignRequestId {
	let r = NextSignRequestId::<Test>::get();
	assert_ok!(Mpc::request_signature(
		origin(OWNER),
		id,
		BoundedVec::truncate_from(message.to_vec())
	));
	r
}

fn sign_request(id: SignRequestId) -> SignRequest<Test> {
	SignRequests::<Test>::get(id).expect("request")
}

/// Members `signers` (indices) commit to the request's current attempt; returns their nonces.
fn commit_all(
	request: SignRequestId,
	members: &[KeyPackage],
	signers: &[u32],
) -> Vec<(u32, SigningNonces, SigningCommitment)> {
	let attempt = sign_request(request).attempt;
	signers
		.iter()
		.map(|&i| {
			let (nonces, c) =
				commit(&members[i as usize - 1], &mut rng(u64::from(i) + 77)).expect("commit");
			assert_ok!(Mpc::submit_sign_commitment(origin(i as u8), request, attempt, c));
			(i, nonces, c)
		})
		.collect()
}

fn share_of(
	request: SignRequestId,
	members: &[KeyPackage],
	i: u32,
	nonces: SigningNonces,
) -> [u8; 32] {
	let r = sign_request(request);
	let package = signing_package(&r.message, &r.commitments).expect("package");
	sign(&package, nonces, &members[i as usize - 1]).expect("share")
}

fn last_event() -> RuntimeEvent {
	System::events().last().expect("an event").event.clone()
}

/// A key duty from outside the key's members never reaches the pool (`CheckWorkerDuty`):
/// the DKG's messages while the key is made and after, a signing request's commitments and
/// shares; a registered worker outside the key is refused like a stranger, and an unknown key
/// or request has no members.
#[test]
fn the_pool_refuses_a_key_duty_from_outside_its_members() {
	use crate::extension::testing::{check, refused, zero_duties};
	new_test_ext().execute_with(|| {
		register_workers(6);
		let id = NextKeyId::<Test>::get();
		assert_eq!(id, 0, "the calls built from zeros name key 0 and request 0");
		assert_ok!(Mpc::create_key(origin(OWNER), 6, 2));
		let members: Vec<u8> = match key(id).status {
			KeyStatus::Generating { members, .. } => {
				members.iter().map(|m| AsRef::<[u8; 32]>::as_ref(&m.account)[0]).collect()
			}
			other => panic!("not generating: {other:?}"),
		};
		let duties: Vec<_> = zero_duties()
			.into_iter()
			.filter(|(_, c)| matches!(c.duty(), Some(Duty::Key(_) | Duty::SignRequest(_))))
			.collect();
		let (key_duties, sign_duties): (Vec<_>, Vec<_>) =
			duties.into_iter().partition(|(_, c)| matches!(c.duty(), Some(Duty::Key(_))));
		// Every key duty but `complain_key_envelope` (its sender index cannot be zero).
		assert!(key_duties.len() == 4 && sign_duties.len() == 2, "{key_duties:?}");

		for (name, call) in &key_duties {
			for &m in &members {
				assert_eq!(check(&acc(m), call.clone()), Ok(()), "{name} from member {m}");
			}
			assert_eq!(check(&acc(STRANGER), call.clone()), refused(), "{name}");
		}
		// No request yet.
		for (name, call) in &sign_duties {
			assert_eq!(check(&acc(members[0]), call.clone()), refused(), "{name}");
		}

		run_honest_attempt(id);
		assert!(matches!(key(id).status, KeyStatus::Active { .. }));
		assert_eq!(request(id, b"pay 5"), 0);
		// A seventh worker, registered but not in the key.
		register_range(7, 7);
		for (name, call) in key_duties.iter().chain(&sign_duties) {
			for &m in &members {
				assert_eq!(check(&acc(m), call.clone()), Ok(()), "{name} from member {m}");
			}
			assert_eq!(check(&acc(STRANGER), call.clone()), refused(), "{name}");
			assert_eq!(check(&acc(7), call.clone()), refused(), "{name} from a worker");
		}
		assert!(!Mpc::may_perform(&acc(members[0]), Duty::Key(id + 1)));
		assert!(!Mpc::may_perform(&acc(members[0]), Duty::SignRequest(1)));
		// A member no longer registered (a refresh left it out, and it left with its bond; the
		// record is removed directly here) is refused; the others still pass.
		Workers::<Test>::remove(acc(members[0]));
		for (name, call) in key_duties.iter().chain(&sign_duties) {
			assert_eq!(check(&acc(members[0]), call.clone()), refused(), "{name} unregistered");
			assert_eq!(check(&acc(members[1]), call.clone()), Ok(()), "{name}");
		}
	});
}

#[test]
fn a_committee_makes_a_key_signs_and_its_owner_removes_it() {
	new_test_ext().execute_with(|| {
		let before = Balances::balance(&acc(OWNER));
		let (id, members) = active_key();
		let k = key(id);
		assert!(k.deposit > 0);
		assert_eq!(
			Balances::balance_on_hold(&HoldReason::KeyDeposit.into(), &acc(OWNER)),
			k.deposit
		);
		let fee: Balance = <<Test as Config>::KeyFee as Get<Balance>>::get();
		assert_eq!(Balances::balance(&acc(OWNER)), before - fee - k.deposit);
		// Every member's key package agrees with the chain's key.
		let y = group_key(id);
		for m in &members {
			assert_eq!(m.verifying_key().serialize().expect("key").as_slice(), y.as_slice());
		}
		// Members hold a key seat while the key is active (not a job seat), and cannot leave.
		assert_eq!(KeySeats::<Test>::get(acc(1)), 1);
		assert_eq!(Workers::<Test>::get(acc(1)).expect("worker").jobs, 0);
		assert_noop!(Mpc::deregister_worker(origin(1)), Error::<Test>::WorkerBusy);
		assert!(PendingKeys::<Test>::get().is_empty());

		let message = b"pay 10 units to Dave";
		let r = request(id, message);
		let committed = commit_all(r, &members, &[4, 1, 5]);
		assert_eq!(sign_request(r).fixed, Some(System::block_number()));
		// The signers are fixed: a fourth commitment is refused.
		let (_, late) = commit(&members[1], &mut rng(5)).expect("commit");
		assert_noop!(
			Mpc::submit_sign_commitment(origin(2), r, 0, late),
			Error::<Test>::SignersFixed
		);
		for (i, nonces, _) in committed {
			let share = share_of(r, &members, i, nonces);
			assert_ok!(Mpc::submit_sign_share(origin(i as u8), r, 0, pd(r), share));
		}
		let SignState::Signed { signature, .. } = sign_request(r).state else {
			panic!("not signed")
		};
		assert_eq!(last_event(), Event::<Test>::Signed { request: r, key: id, signature }.into());
		assert!(sp_io::crypto::ed25519_verify(
			&ed25519::Signature::from_raw(signature),
			message,
			&ed25519::Public::from_raw(y)
		));
		assert!(OpenSignRequests::<Test>::get().is_empty());
		assert_eq!(key(id).open_requests, 0);
		assert_eq!(SIGNED.with(|s| s.borrow().clone()), vec![(r, id, Some(signature))]);
		assert_ok!(Mpc::do_try_state());

		// Deposits come back; the seats are free again.
		let deposit = sign_request(r).deposit;
		assert_noop!(Mpc::remove_signature(origin(STRANGER), r), Error::<Test>::NotRequester);
		let held = Balances::balance_on_hold(&HoldReason::SignDeposit.into(), &acc(OWNER));
		assert_eq!(held, deposit);
		assert_ok!(Mpc::remove_signature(origin(OWNER), r));
		assert_eq!(Balances::balance_on_hold(&HoldReason::SignDeposit.into(), &acc(OWNER)), 0);
		assert_noop!(Mpc::remove_key(origin(STRANGER), id), Error::<Test>::NotKeyOwner);
		assert_ok!(Mpc::remove_key(origin(OWNER), id));
		assert_eq!(Balances::balance_on_hold(&HoldReason::KeyDeposit.into(), &acc(OWNER)), 0);
		assert_eq!(KeySeats::<Test>::get(acc(1)), 0);
		assert!(ThresholdKeys::<Test>::get(id).is_none());
		assert_eq!(KeyRound1::<Test>::iter_prefix(id).count(), 0);
		assert_eq!(KeyEnvelopes::<Test>::iter_prefix(id).count(), 0);
		assert_ok!(Mpc::do_try_state());
	});
}

#[test]
fn bad_key_requests_are_refused() {
	new_test_ext().execute_with(|| {
		register_workers(3);
		assert_noop!(Mpc::create_key(origin(OWNER), 3, 0), Error::<Test>::InvalidThreshold);
		assert_noop!(Mpc::create_key(origin(OWNER), 3, 3), Error::<Test>::InvalidThreshold);
		assert_noop!(Mpc::create_key(origin(OWNER), 9, 2), Error::<Test>::CommitteeTooLarge);
		register_range(4, 5);
		// More workers than seats needs a draw, and this runtime runs no beacon.
		assert_noop!(Mpc::create_key(origin(OWNER), 4, 2), Error::<Test>::NoBeacon);
		assert_noop!(Mpc::create_key(origin(OWNER), 6, 2), Error::<Test>::NotEnoughWorkers);
		let poor = 61;
		assert_noop!(Mpc::create_key(origin(poor), 5, 2), Error::<Test>::InsufficientBalance);
		// As many keys pending as the runtime allows (each key seats every worker once, so the
		// list is filled directly: the workers' key seats would run out first in this mock).
		let max = <<Test as Config>::MaxPendingKeys as Get<u32>>::get();
		PendingKeys::<Test>::put(BoundedVec::truncate_from(
			(100..100 + u64::from(max)).collect::<Vec<_>>(),
		));
		assert_noop!(Mpc::create_key(origin(OWNER), 5, 2), Error::<Test>::TooManyPendingKeys);
	});
}

#[test]
fn round1_and_envelopes_are_checked_and_misplaced_ones_refused() {
	new_test_ext().execute_with(|| {
		register_workers(4);
		assert_ok!(Mpc::create_key(origin(OWNER), 4, 1));
		let (c, accounts) = attempt_committee(0);
		let packages = c.round1().expect("round 1");
		let p = |i: usize| bounded_round1(&packages[i]);
		assert_noop!(
			Mpc::submit_key_round1(origin(1), 9, 0, ad(9), p(0)),
			Error::<Test>::UnknownKey
		);
		assert_noop!(
			Mpc::submit_key_round1(origin(1), 0, 1, ad(0), p(0)),
			Error::<Test>::WrongKeyAttempt
		);
		assert_noop!(
			Mpc::submit_key_round1(origin(STRANGER), 0, 0, ad(0), p(0)),
			Error::<Test>::NotKeyMember
		);
		// Member 2 posting member 1's package: the proof hashes id(1).
		assert_noop!(
			Mpc::submit_key_round1(origin(2), 0, 0, ad(0), p(0)),
			Error::<Test>::InvalidKeyProof
		);
		let mut short = p(0);
		short.commitments.pop();
		assert_noop!(
			Mpc::submit_key_round1(origin(1), 0, 0, ad(0), short),
			Error::<Test>::WrongCommitmentCount
		);
		let mut identity = p(0);
		identity.commitments[1] = [0u8; 32];
		identity.commitments[1][0] = 1; // the Ed25519 identity
		assert_noop!(
			Mpc::submit_key_round1(origin(1), 0, 0, ad(0), identity),
			Error::<Test>::BadCommitmentEncoding
		);
		let envelopes = c.envelopes(&packages).expect("envelopes");
		assert_noop!(
			Mpc::submit_key_envelope(origin(1), 0, 0, ad(0), bounded_envelope(&envelopes[0])),
			Error::<Test>::WrongKeyStep
		);
		assert_ok!(Mpc::submit_key_round1(origin(1), 0, 0, ad(0), p(0)));
		assert_noop!(
			Mpc::submit_key_round1(origin(1), 0, 0, ad(0), p(0)),
			Error::<Test>::AlreadyPosted
		);
		post_round1(0, &accounts[1..], &packages[1..]);
		// Round 2 opens in the next block, not in the one round 1 completed in.
		assert_noop!(
			Mpc::submit_key_envelope(origin(1), 0, 0, ad(0), bounded_envelope(&envelopes[0])),
			Error::<Test>::WrongKeyStep
		);
		assert_noop!(
			Mpc::submit_key_round1(origin(3), 0, 0, ad(0), p(2)),
			Error::<Test>::WrongKeyStep
		);
		next_block();
		// Member 2's envelope sent by member 1: its proof is bound to member 2.
		assert_noop!(
			Mpc::submit_key_envelope(origin(1), 0, 0, ad(0), bounded_envelope(&envelopes[1])),
			Error::<Test>::InvalidDealingProof
		);
		let mut fewer = envelopes[0].clone();
		fewer.ciphertexts.pop();
		assert_noop!(
			Mpc::submit_key_envelope(origin(1), 0, 0, ad(0), bounded_envelope(&fewer)),
			Error::<Test>::WrongCiphertextCount
		);
		let mut identity = envelopes[0].clone();
		identity.ephemeral_key = [0u8; 32];
		assert_noop!(
			Mpc::submit_key_envelope(origin(1), 0, 0, ad(0), bounded_envelope(&identity)),
			Error::<Test>::IdentityEphemeralKey
		);
		assert_ok!(Mpc::submit_key_envelope(
			origin(1),
			0,
			0,
			ad(0),
			bounded_envelope(&envelopes[0])
		));
		// Another member reusing member 1's `E`.
		let mut copied = envelopes[1].clone();
		copied.ephemeral_key = envelopes[0].ephemeral_key;
		assert_noop!(
			Mpc::submit_key_envelope(origin(2), 0, 0, ad(0), bounded_envelope(&copied)),
			Error::<Test>::RepeatedEphemeralKey
		);
		assert_noop!(
			Mpc::submit_key_envelope(origin(1), 0, 0, ad(0), bounded_envelope(&envelopes[0])),
			Error::<Test>::AlreadyPosted
		);
	});
}

#[test]
fn a_silent_member_is_left_out_and_the_rest_make_the_key() {
	new_test_ext().execute_with(|| {
		register_workers(5);
		assert_ok!(Mpc::create_key(origin(OWNER), 5, 2));
		let (c, _) = attempt_committee(0);
		let packages = c.round1().expect("round 1");
		// Member 4 never posts.
		post_round1(0, &[1, 2, 3, 5], &[0, 1, 2, 4].map(|i| packages[i].clone()));
		let KeyStatus::Generating { until, .. } = key(0).status else { panic!() };
		run_to_block(until);
		assert!(System::events().iter().any(|e| e.event
			== Event::<Test>::KeyAttemptFailed { key: 0, attempt: 0, culprits: vec![acc(4)] }
				.into()));
		assert_eq!(attempt_of(0), 1);
		assert_eq!(KeyRound1::<Test>::iter_prefix(0).count(), 0);
		// The silent member's seat is free; it was not faulted.
		let w4 = Workers::<Test>::get(acc(4)).expect("worker");
		assert_eq!((KeySeats::<Test>::get(acc(4)), w4.faults), (0, 0));
		let members = run_honest_attempt(0);
		let KeyStatus::Active { members: seated, .. } = key(0).status else { panic!("active") };
		assert_eq!(seated.len(), 4);
		assert_eq!(members.len(), 4);
		assert_ok!(Mpc::do_try_state());
		// Signing with the 4 members of a key of 5: silent signers leave fewer than t + 1 = 3
		// members, so the request fails at once (not at its deadline).
		let accounts: Vec<u8> =
			seated.iter().map(|m| <AccountId as AsRef<[u8]>>::as_ref(&m.account)[0]).collect();
		let r = request(0, b"four members");
		let attempt = sign_request(r).attempt;
		let mut first = None;
		for (p, a) in accounts.iter().enumerate().take(3) {
			let (nonces, c) = commit(&members[p], &mut rng(p as u64)).expect("commit");
			assert_ok!(Mpc::submit_sign_commitment(origin(*a), r, attempt, c));
			first = first.or(Some(nonces));
		}
		// Only the first signer's share arrives: two are left out, two members are left (of a
		// key of 4 made for 5: counting 5 would leave 3 and wait for the deadline).
		let state = sign_request(r);
		let package = signing_package(&state.message, &state.commitments).expect("package");
		let share = sign(&package, first.expect("nonces"), &members[0]).expect("share");
		assert_ok!(Mpc::submit_sign_share(origin(accounts[0]), r, attempt, pd(r), share));
		let fixed = state.fixed.expect("fixed");
		run_to_block(fixed + <<Test as Config>::SignWindow as Get<u64>>::get());
		let state = sign_request(r);
		assert!(matches!(state.state, SignState::Failed { .. }), "{:?}", state.state);
		assert!(state.deadline > System::block_number());
		assert_eq!(SIGNED.with(|s| s.borrow().last().cloned()), Some((r, 0, None)));
		assert_ok!(Mpc::do_try_state());
	});
}

#[test]
fn a_bad_share_is_proven_its_sender_faulted_and_the_key_made_without_it() {
	new_test_ext().execute_with(|| {
		register_workers(5);
		assert_ok!(Mpc::create_key(origin(OWNER), 5, 2));
		let (c, accounts) = attempt_committee(0);
		let packages = c.round1().expect("round 1");
		post_round1(0, &accounts, &packages);
		next_block();
		let mut envelopes = c.envelopes(&packages).expect("envelopes");
		// Member 2 sends member 3 a wrong share.
		envelopes[1] = seal_envelope_with_bad_share(&c.member(index(2)), &packages, index(3))
			.expect("envelope");
		post_envelopes(0, &accounts, &envelopes);
		let mut rng = rng(4);
		let DkgOutcome::Complain { sender, complaint } =
			finish_dkg(&c.member(index(3)), &packages, &envelopes, &mut rng).expect("checks")
		else {
			panic!("member 3 complains")
		};
		assert_eq!(sender, index(2));
		let digest = KeyEnvelopes::<Test>::get(0, sender).expect("envelope").digest;
		let (k, proof) = (complaint.shared_key.to_bytes(), complaint.proof.to_bytes());
		// Complaints open in the block after round 2 completed.
		assert_noop!(
			Mpc::complain_key_envelope(origin(3), 0, 0, sender, digest, k, proof),
			Error::<Test>::WrongKeyStep
		);
		next_block();
		assert_noop!(
			Mpc::complain_key_envelope(origin(3), 0, 0, sender, [1u8; 32], k, proof),
			Error::<Test>::EnvelopeMismatch
		);
		assert_noop!(
			Mpc::complain_key_envelope(origin(3), 0, 0, index(3), digest, k, proof),
			Error::<Test>::UnknownEnvelope
		);
		// Member 4 presenting member 3's proof: no verdict.
		assert_noop!(
			Mpc::complain_key_envelope(origin(4), 0, 0, sender, digest, k, proof),
			Error::<Test>::InvalidComplaintProof
		);
		let bond = Workers::<Test>::get(acc(2)).expect("worker").bond;
		assert_ok!(Mpc::complain_key_envelope(origin(3), 0, 0, sender, digest, k, proof));
		assert!(System::events().iter().any(|e| e.event
			== Event::<Test>::KeyShareProvenBad { key: 0, attempt: 0, sender, member: index(3) }
				.into()));
		assert_eq!(Workers::<Test>::get(acc(2)).expect("worker").bond, bond - FAULT_PENALTY);
		// The next attempt runs without member 2 and makes the key.
		assert_eq!(attempt_of(0), 1);
		run_honest_attempt(0);
		let KeyStatus::Active { members, .. } = key(0).status else { panic!("active") };
		assert!(members.iter().all(|m| m.account != acc(2)));
	});
}

#[test]
fn a_false_complaint_is_a_fault_and_the_key_is_still_made() {
	new_test_ext().execute_with(|| {
		register_workers(4);
		assert_ok!(Mpc::create_key(origin(OWNER), 4, 1));
		let (c, accounts) = attempt_committee(0);
		let packages = c.round1().expect("round 1");
		post_round1(0, &accounts, &packages);
		next_block();
		let envelopes = c.envelopes(&packages).expect("envelopes");
		post_envelopes(0, &accounts, &envelopes);
		next_block();
		let lie = c.complaint(index(1), index(2), &envelopes[0], &mut rng(3)).expect("complaint");
		let digest = KeyEnvelopes::<Test>::get(0, index(1)).expect("envelope").digest;
		let bond = Workers::<Test>::get(acc(2)).expect("worker").bond;
		assert_ok!(Mpc::complain_key_envelope(
			origin(2),
			0,
			0,
			index(1),
			digest,
			lie.shared_key.to_bytes(),
			lie.proof.to_bytes()
		));
		assert_eq!(Workers::<Test>::get(acc(2)).expect("worker").bond, bond - FAULT_PENALTY);
		// Its shares did check after all: with every confirmation the key is made.
		confirm_all(0, &accounts);
		let KeyStatus::Generating { until, .. } = key(0).status else { panic!() };
		run_to_block(until);
		assert!(matches!(key(0).status, KeyStatus::Active { .. }));
	});
}

#[test]
fn too_many_silent_members_fail_the_key_and_free_its_seats() {
	new_test_ext().execute_with(|| {
		register_workers(3);
		assert_ok!(Mpc::create_key(origin(OWNER), 3, 2));
		// Nobody posts: the attempt fails, and 0 < t + 1 members remain.
		let KeyStatus::Generating { until, .. } = key(0).status else { panic!() };
		run_to_block(until);
		assert!(matches!(key(0).status, KeyStatus::Failed { .. }));
		assert_eq!(last_event(), Event::<Test>::KeyFailed { key: 0 }.into());
		assert!(PendingKeys::<Test>::get().is_empty());
		for a in 1..=3 {
			assert_eq!(KeySeats::<Test>::get(acc(a)), 0);
		}
		assert_noop!(
			Mpc::request_signature(origin(OWNER), 0, BoundedVec::new()),
			Error::<Test>::KeyNotActive
		);
		assert_ok!(Mpc::remove_key(origin(OWNER), 0));
	});
}

#[test]
fn a_bad_signature_share_is_a_fault_and_the_others_sign() {
	new_test_ext().execute_with(|| {
		let (id, members) = active_key();
		let r = request(id, b"message");
		let committed = commit_all(r, &members, &[1, 2, 3]);
		let mut shares: Vec<(u32, [u8; 32])> =
			committed.into_iter().map(|(i, n, _)| (i, share_of(r, &members, i, n))).collect();
		// Member 2 posts member 1's share.
		shares[1].1 = shares[0].1;
		assert_noop!(
			Mpc::submit_sign_share(origin(4), r, 0, pd(r), shares[0].1),
			Error::<Test>::NotASigner
		);
		assert_noop!(
			Mpc::submit_sign_share(origin(1), r, 1, pd(r), shares[0].1),
			Error::<Test>::WrongSignAttempt
		);
		assert_ok!(Mpc::submit_sign_share(origin(1), r, 0, pd(r), shares[0].1));
		assert_noop!(
			Mpc::submit_sign_share(origin(1), r, 0, pd(r), shares[0].1),
			Error::<Test>::AlreadyPosted
		);
		let bond = Workers::<Test>::get(acc(2)).expect("worker").bond;
		assert_ok!(Mpc::submit_sign_share(origin(2), r, 0, pd(r), shares[1].1));
		assert_eq!(Workers::<Test>::get(acc(2)).expect("worker").bond, bond - FAULT_PENALTY);
		let state = sign_request(r);
		assert_eq!((state.attempt, state.excluded.to_vec()), (1, vec![index(2)]));
		assert!(state.commitments.is_empty());
		let (_, c) = commit(&members[1], &mut rng(8)).expect("commit");
		assert_noop!(
			Mpc::submit_sign_commitment(origin(2), r, 1, c),
			Error::<Test>::MemberExcluded
		);
		// Attempt 1 with members 3, 4 and 5.
		for (i, nonces, _) in commit_all(r, &members, &[3, 4, 5]) {
			let share = share_of(r, &members, i, nonces);
			assert_ok!(Mpc::submit_sign_share(origin(i as u8), r, 1, pd(r), share));
		}
		assert!(matches!(sign_request(r).state, SignState::Signed { .. }));
	});
}

#[test]
fn a_silent_signer_is_left_out_and_a_request_fails_at_its_deadline_or_without_members() {
	new_test_ext().execute_with(|| {
		let (id, members) = active_key();
		let r = request(id, b"message");
		assert_noop!(
			Mpc::submit_sign_share(origin(1), r, 0, pd(r), [0u8; 32]),
			Error::<Test>::SignersNotFixed
		);
		// Members 1 and 2 sign; member 3 stays silent.
		for (i, nonces, _) in commit_all(r, &members, &[1, 2, 3]) {
			if i != 3 {
				let share = share_of(r, &members, i, nonces);
				assert_ok!(Mpc::submit_sign_share(origin(i as u8), r, 0, pd(r), share));
			}
		}
		let fixed = sign_request(r).fixed.expect("fixed");
		run_to_block(fixed + <<Test as Config>::SignWindow as Get<u64>>::get());
		let state = sign_request(r);
		assert_eq!((state.attempt, state.excluded.to_vec()), (1, vec![index(3)]));
		// Silence is no fault.
		assert_eq!(Workers::<Test>::get(acc(3)).expect("worker").faults, 0);
		for (i, nonces, _) in commit_all(r, &members, &[2, 4, 1]) {
			let share = share_of(r, &members, i, nonces);
			assert_ok!(Mpc::submit_sign_share(origin(i as u8), r, 1, pd(r), share));
		}
		assert!(matches!(sign_request(r).state, SignState::Signed { .. }));

		// A request that too few commit to waits, and fails at its deadline.
		let late = request(id, b"late");
		let _ = commit_all(late, &members, &[5]);
		let deadline = sign_request(late).deadline;
		run_to_block(deadline - 1);
		assert_eq!(sign_request(late).state, SignState::Open);
		run_to_block(deadline);
		assert!(matches!(sign_request(late).state, SignState::Failed { .. }));
		assert_eq!(last_event(), Event::<Test>::SignatureFailed { request: late, key: id }.into());

		// Three silent signers leave two members, fewer than t + 1: the request fails at once.
		let third = request(id, b"third");
		let _ = commit_all(third, &members, &[1, 2, 3]);
		let fixed = sign_request(third).fixed.expect("fixed");
		run_to_block(fixed + <<Test as Config>::SignWindow as Get<u64>>::get());
		assert!(matches!(sign_request(third).state, SignState::Failed { .. }));
		assert_ok!(Mpc::remove_signature(origin(OWNER), third));
	});
}

#[test]
fn signing_requests_are_checked() {
	new_test_ext().execute_with(|| {
		let (id, members) = active_key();
		let message = || BoundedVec::truncate_from(b"m".to_vec());
		assert_noop!(
			Mpc::request_signature(origin(STRANGER), id, message()),
			Error::<Test>::NotKeyOwner
		);
		assert_noop!(
			Mpc::request_signature(origin(OWNER), 7, message()),
			Error::<Test>::UnknownKey
		);
		let r = request(id, b"m");
		assert_noop!(Mpc::remove_key(origin(OWNER), id), Error::<Test>::KeyInUseBySignRequest);
		assert_noop!(Mpc::remove_signature(origin(OWNER), r), Error::<Test>::RequestOpen);
		let (_, c) = commit(&members[0], &mut rng(1)).expect("commit");
		assert_noop!(
			Mpc::submit_sign_commitment(origin(1), 9, 0, c),
			Error::<Test>::UnknownSignRequest
		);
		assert_noop!(
			Mpc::submit_sign_commitment(origin(STRANGER), r, 0, c),
			Error::<Test>::NotKeyMember
		);
		assert_noop!(
			Mpc::submit_sign_commitment(origin(1), r, 3, c),
			Error::<Test>::WrongSignAttempt
		);
		let bad = SigningCommitment { hiding: [0u8; 32], binding: c.binding };
		assert_noop!(
			Mpc::submit_sign_commitment(origin(1), r, 0, bad),
			Error::<Test>::BadCommitmentEncoding
		);
		assert_ok!(Mpc::submit_sign_commitment(origin(1), r, 0, c));
		assert_noop!(Mpc::submit_sign_commitment(origin(1), r, 0, c), Error::<Test>::AlreadyPosted);
		for _ in 1..<<Test as Config>::MaxOpenSignatures as Get<u32>>::get() {
			request(id, b"more");
		}
		assert_noop!(
			Mpc::request_signature(origin(OWNER), id, message()),
			Error::<Test>::TooManyOpenSignatures
		);
	});
}

#[test]
fn a_key_committee_is_drawn_from_a_larger_pool_by_a_beacon_round_nobody_knew() {
	new_test_ext().execute_with(|| {
		register_workers(8);
		let fee: Balance = <<Test as Config>::RoundRequestFee as Get<Balance>>::get();
		let key_fee: Balance = <<Test as Config>::KeyFee as Get<Balance>>::get();
		let before = Balances::balance(&acc(OWNER));
		// With the beacon on, as in a runtime that runs it.
		BeaconMembers::set(3);
		assert_ok!(Mpc::create_key(origin(OWNER), 4, 1));
		let KeyStatus::Drawing { round, candidates, .. } = key(0).status else {
			panic!("drawing: {:?}", key(0).status)
		};
		assert_eq!(candidates.len(), 8);
		assert_eq!(Balances::balance(&acc(OWNER)), before - fee - key_fee - key(0).deposit);
		// Nobody sits yet; the key waits for its round.
		assert_eq!(KeySeats::<Test>::get(acc(1)), 0);
		next_block();
		assert!(matches!(key(0).status, KeyStatus::Drawing { .. }));
		// The round completes: the next block draws four of the eight with the key's seed.
		let rho = [42u8; 32];
		testing_utils::complete_round::<Test>(round, rho);
		next_block();
		let KeyStatus::Generating { members, attempt: 0, .. } = key(0).status else {
			panic!("generating: {:?}", key(0).status)
		};
		let seed = mpc_primitives::frost::key_committee_seed(&rho, 0);
		let picked = mpc_primitives::draw_committee(&seed, 8, 4, |_| true);
		let expected: Vec<AccountId> = picked.iter().map(|&c| candidates[c].clone()).collect();
		let drawn: Vec<AccountId> = members.iter().map(|m| m.account.clone()).collect();
		assert_eq!(drawn, expected);
		// A job's seed from the same round would have drawn another committee.
		let job_seed = mpc_primitives::committee_seed(&rho, 0);
		assert_ne!(mpc_primitives::draw_committee(&job_seed, 8, 4, |_| true), picked);
		for m in members.iter() {
			assert_eq!(KeySeats::<Test>::get(&m.account), 1);
		}
		// The drawn committee makes the key.
		run_honest_attempt(0);
		assert!(matches!(key(0).status, KeyStatus::Active { .. }));

		// A key whose round does not complete in time fails, and frees nothing it never took.
		assert_ok!(Mpc::create_key(origin(OWNER), 4, 1));
		let KeyStatus::Drawing { until: late, .. } = key(1).status else { panic!("drawing") };
		BeaconMembers::set(0);
		run_to_block(late);
		assert!(matches!(key(1).status, KeyStatus::Failed { .. }));
		assert_eq!(last_event(), Event::<Test>::KeyFailed { key: 1 }.into());
	});
}

#[test]
fn transactions_made_on_another_branch_are_refused_not_judged() {
	new_test_ext().execute_with(|| {
		register_workers(4);
		assert_ok!(Mpc::create_key(origin(OWNER), 4, 1));
		let (c, accounts) = attempt_committee(0);
		let packages = c.round1().expect("round 1");
		// Another branch's attempt 0 of key 0 (other members, or another threshold) has
		// another `A`: its package is refused with an error.
		let other = [9u8; 32];
		assert_noop!(
			Mpc::submit_key_round1(origin(1), 0, 0, other, bounded_round1(&packages[0])),
			Error::<Test>::AttemptMismatch
		);
		post_round1(0, &accounts, &packages);
		next_block();
		let envelopes = c.envelopes(&packages).expect("envelopes");
		assert_noop!(
			Mpc::submit_key_envelope(origin(1), 0, 0, other, bounded_envelope(&envelopes[0])),
			Error::<Test>::AttemptMismatch
		);
		post_envelopes(0, &accounts, &envelopes);
		let members = c.key_packages(&packages, &envelopes, &mut rng(2)).expect("packages");
		next_block();
		// A confirmation over another branch's envelopes is refused, not counted.
		assert_noop!(
			Mpc::confirm_key_shares(origin(1), 0, 0, ad(0), [3u8; 32]),
			Error::<Test>::EnvelopeMismatch
		);
		confirm_all(0, &accounts);
		let KeyStatus::Generating { until, .. } = key(0).status else { panic!() };
		run_to_block(until);

		let r = request(0, b"this branch's message");
		let committed = commit_all(r, &members, &[1, 2]);
		// A share made over another branch's package (another message, same request and
		// attempt): refused with an error, and its sender is not faulted.
		let mut rng = rng(12);
		let (n1, c1) = commit(&members[0], &mut rng).expect("commit");
		let foreign = signing_package(
			b"another branch's message",
			&[(index(1), c1), (index(2), committed[1].2)],
		)
		.expect("package");
		let foreign_share = sign(&foreign, n1, &members[0]).expect("share");
		let foreign_digest = mpc_primitives::frost::package_digest(
			&Mpc::genesis_hash(),
			0,
			r,
			0,
			b"another branch's message",
			&[(index(1), c1), (index(2), committed[1].2)],
		);
		assert_noop!(
			Mpc::submit_sign_share(origin(1), r, 0, foreign_digest, foreign_share),
			Error::<Test>::PackageMismatch
		);
		assert_eq!(Workers::<Test>::get(acc(1)).expect("worker").faults, 0);
		for (i, nonces, _) in committed {
			let share = share_of(r, &members, i, nonces);
			assert_ok!(Mpc::submit_sign_share(origin(i as u8), r, 0, pd(r), share));
		}
		assert!(matches!(sign_request(r).state, SignState::Signed { .. }));
		assert_ok!(Mpc::do_try_state());
	});
}

#[test]
fn a_member_without_a_bond_left_does_not_sign() {
	new_test_ext().execute_with(|| {
		let (id, members) = active_key();
		let r = request(id, b"m");
		Workers::<Test>::mutate(acc(1), |w| {
			if let Some(w) = w {
				w.bond = FAULT_PENALTY - 1;
			}
		});
		let (_, c) = commit(&members[0], &mut rng(1)).expect("commit");
		assert_noop!(
			Mpc::submit_sign_commitment(origin(1), r, 0, c),
			Error::<Test>::MemberNotBonded
		);
	});
}

#[test]
fn two_keys_ending_in_one_block_are_made_one_block_apart_and_complaints_end_on_time() {
	new_test_ext().execute_with(|| {
		register_workers(4);
		assert_ok!(Mpc::create_key(origin(OWNER), 4, 1));
		assert_ok!(Mpc::create_key(origin(OWNER), 4, 1));
		let (c0, a0) = attempt_committee(0);
		let (c1, a1) = attempt_committee(1);
		let (p0, p1) = (c0.round1().expect("r1"), c1.round1().expect("r1"));
		post_round1(0, &a0, &p0);
		post_round1(1, &a1, &p1);
		next_block();
		let (e0, e1) = (c0.envelopes(&p0).expect("e"), c1.envelopes(&p1).expect("e"));
		post_envelopes(0, &a0, &e0);
		post_envelopes(1, &a1, &e1);
		next_block();
		confirm_all(0, &a0);
		confirm_all(1, &a1);
		let KeyStatus::Generating { until, .. } = key(1).status else { panic!() };
		run_to_block(until);
		// At most one key is made per block: key 0 now, key 1 waits a block.
		assert!(matches!(key(0).status, KeyStatus::Active { .. }));
		assert!(matches!(key(1).status, KeyStatus::Generating { .. }));
		// The window has closed for key 1 all the same: a complaint now is refused.
		let lie = c1.complaint(index(1), index(2), &e1[0], &mut rng(3)).expect("complaint");
		let digest = KeyEnvelopes::<Test>::get(1, index(1)).expect("envelope").digest;
		assert_noop!(
			Mpc::complain_key_envelope(
				origin(a1[1]),
				1,
				0,
				index(1),
				digest,
				lie.shared_key.to_bytes(),
				lie.proof.to_bytes()
			),
			Error::<Test>::WrongKeyStep
		);
		next_block();
		assert!(matches!(key(1).status, KeyStatus::Active { .. }));
		// Each member holds a key seat for each key.
		assert_eq!(KeySeats::<Test>::get(acc(1)), 2);
		assert_ok!(Mpc::do_try_state());
	});
}

#[test]
fn keys_take_key_seats_never_job_seats_and_a_worker_holds_at_most_max_keys() {
	new_test_ext().execute_with(|| {
		register_workers(3);
		let max = <<Test as Config>::MaxKeysPerWorker as Get<u32>>::get();
		for _ in 0..max {
			assert_ok!(Mpc::do_create_key(acc(OWNER), 3, 1));
		}
		// Every worker holds `max` key seats: no key of 3 can be made, but jobs still can.
		assert_eq!(KeySeats::<Test>::get(acc(2)), max);
		assert_noop!(Mpc::create_key(origin(OWNER), 3, 1), Error::<Test>::NotEnoughWorkers);
		assert_eq!(WorkerList::<Test>::get().len(), 3, "every worker still takes jobs");
		assert_eq!(Workers::<Test>::get(acc(2)).expect("worker").jobs, 0);
		// A seated worker can neither rotate its key nor leave.
		let secret = worker_secret(99);
		let proof = secret.prove_possession(&Mpc::genesis_hash(), acc(2).as_ref(), &mut rng(9));
		assert_noop!(
			Mpc::rotate_key(origin(2), secret.public_key().to_bytes(), proof.to_bytes()),
			Error::<Test>::WorkerBusy
		);
		assert_noop!(Mpc::deregister_worker(origin(2)), Error::<Test>::WorkerBusy);
		assert_ok!(Mpc::do_try_state());
	});
}

#[test]
fn a_key_fails_after_max_key_attempts() {
	new_test_ext().execute_with(|| {
		register_workers(5);
		assert_ok!(Mpc::create_key(origin(OWNER), 5, 1));
		let max = <<Test as Config>::MaxKeyAttempts as Get<u32>>::get();
		// Each attempt, the last member stays silent: enough members remain (t + 1 = 2) until
		// the attempts run out.
		for attempt in 0..max {
			assert_eq!(attempt_of(0), attempt);
			let (c, accounts) = attempt_committee(0);
			let packages = c.round1().expect("round 1");
			let last = accounts.len() - 1;
			post_round1(0, &accounts[..last], &packages[..last]);
			let KeyStatus::Generating { until, .. } = key(0).status else { panic!() };
			run_to_block(until);
		}
		assert!(matches!(key(0).status, KeyStatus::Failed { .. }));
		assert_eq!(last_event(), Event::<Test>::KeyFailed { key: 0 }.into());
		for a in 1..=5 {
			assert_eq!(KeySeats::<Test>::get(acc(a)), 0, "every seat is free");
		}
		assert_ok!(Mpc::do_try_state());
	});
}

// ---------------------------------------------------------------------------------------------
// Refresh (PROTOCOL.md sections 14.9 and 14.10)

mod refresh {
	use super::*;
	use mpc_primitives::frost::{
		refresh::{
			finish_refresh, refresh_round1, seal_refresh_envelope, RefreshMember, RefreshOutcome,
			RefreshPackage,
		},
		FrostGroup,
	};
	use mpc_primitives::{EncryptionKey, WorkerSecret};

	/// The running refresh attempt of key `id`: attempt, identifiers, member accounts (first
	/// byte), their secrets and keys.
	struct Running {
		attempt: u32,
		t: u32,
		ids: Vec<ParticipantIndex>,
		accounts: Vec<u8>,
		secrets: Vec<WorkerSecret>,
		keys: Vec<EncryptionKey>,
		digest: [u8; 32],
	}

	fn running(id: KeyId) -> Running {
		let k = key(id);
		let KeyStatus::Active { refreshing: Some(attempt), .. } = k.status else {
			panic!("not refreshing: {:?}", k.status)
		};
		let r = KeyRefreshes::<Test>::get(id, attempt).expect("refresh");
		let accounts: Vec<u8> =
			r.members.iter().map(|m| <AccountId as AsRef<[u8]>>::as_ref(&m.account)[0]).collect();
		Running {
			attempt,
			t: k.threshold,
			ids: r.ids.to_vec(),
			secrets: accounts.iter().map(|&a| worker_secret(a)).collect(),
			keys: r.members.iter().map(|m| m.key).collect(),
			digest: Mpc::refresh_digest(id, attempt, k.threshold, &r),
			accounts,
		}
	}

	/// Runs one honest refresh of key `id` (asked by the owner) to its end.
	pub(super) fn refresh_honestly(id: KeyId) {
		assert_ok!(Mpc::refresh_key(origin(OWNER), id));
		let run = running(id);
		let packages = run.packages(id);
		run.post_packages(id, &packages, &[]);
		next_block();
		run.post_envelopes(id, &run.envelopes(id, &packages));
		next_block();
		run.confirm(id, &run.accounts);
		run_to_block(KeyRefreshes::<Test>::get(id, run.attempt).expect("refresh").until);
		assert!(matches!(key(id).status, KeyStatus::Active { refreshing: None, .. }));
	}

	impl Running {
		fn member<'a>(
			&'a self,
			ctx: &'a AttemptContext,
			p: usize,
			account: &'a [u8; 32],
		) -> RefreshMember<'a> {
			RefreshMember {
				secret: &self.secrets[p],
				ctx,
				t: self.t,
				position: index(p as u32 + 1),
				ids: &self.ids,
				keys: &self.keys,
				account,
			}
		}

		fn ctx(&self, id: KeyId) -> AttemptContext {
			AttemptContext { genesis: Mpc::genesis_hash(), key: id, attempt: self.attempt }
		}

		fn account(&self, p: usize) -> [u8; 32] {
			*acc(self.accounts[p]).as_ref()
		}

		fn packages(&self, id: KeyId) -> Vec<RefreshPackage> {
			let ctx = self.ctx(id);
			(0..self.ids.len())
				.map(|p| refresh_round1(&self.member(&ctx, p, &self.account(p))).expect("package"))
				.collect()
		}

		fn post_packages(&self, id: KeyId, packages: &[RefreshPackage], skip: &[u8]) {
			for (p, package) in packages.iter().enumerate() {
				if skip.contains(&self.accounts[p]) {
					continue;
				}
				assert_ok!(Mpc::submit_refresh_round1(
					origin(self.accounts[p]),
					id,
					self.attempt,
					self.digest,
					BoundedVec::truncate_from(package.commitments.clone())
				));
			}
		}

		fn envelopes(&self, id: KeyId, packages: &[RefreshPackage]) -> Vec<Envelope> {
			let ctx = self.ctx(id);
			(0..self.ids.len())
				.map(|p| {
					seal_refresh_envelope(&self.member(&ctx, p, &self.account(p)), packages)
						.expect("envelope")
				})
				.collect()
		}

		fn post_envelopes(&self, id: KeyId, envelopes: &[Envelope]) {
			for (p, e) in envelopes.iter().enumerate() {
				assert_ok!(Mpc::submit_key_envelope(
					origin(self.accounts[p]),
					id,
					self.attempt,
					self.digest,
					bounded_envelope(e)
				));
			}
		}

		/// Members `who` (accounts) confirm their shares: `C` over the refresh's envelopes.
		fn confirm(&self, id: KeyId, who: &[u8]) {
			let digests: Vec<[u8; 32]> = self
				.ids
				.iter()
				.map(|j| {
					KeyRefreshEnvelopes::<Test>::get((id, self.attempt, *j))
						.expect("envelope")
						.digest
				})
				.collect();
			let c = mpc_primitives::frost::confirm_digest(&self.ctx(id), &digests);
			for a in who {
				assert_ok!(Mpc::confirm_key_shares(origin(*a), id, self.attempt, self.digest, c));
			}
		}

		/// The members' refreshed key packages (by identifier) from their current ones.
		fn finish(
			&self,
			id: KeyId,
			current: &BTreeMap<u32, KeyPackage>,
			group: &FrostGroup,
			packages: &[RefreshPackage],
			envelopes: &[Envelope],
		) -> BTreeMap<u32, KeyPackage> {
			let ctx = self.ctx(id);
			(0..self.ids.len())
				.map(|p| {
					let i = self.ids[p].get();
					let account = self.account(p);
					let m = self.member(&ctx, p, &account);
					match finish_refresh(&m, &current[&i], group, packages, envelopes, &mut rng(3))
						.expect("checks")
					{
						RefreshOutcome::Key(kp, _) => (i, kp),
						RefreshOutcome::Complain { .. } => panic!("member {i} complains"),
					}
				})
				.collect()
		}
	}

	use alloc::collections::BTreeMap;

	fn group_of(id: KeyId) -> FrostGroup {
		let k = key(id);
		let KeyStatus::Active { group_key, ids, verifying_shares, .. } = &k.status else {
			panic!("not active")
		};
		FrostGroup::from_parts(k.threshold, group_key, ids, verifying_shares).expect("group")
	}

	fn ids_of(id: KeyId) -> Vec<u32> {
		match key(id).status {
			KeyStatus::Active { ids, .. } => ids.iter().map(|i| i.get()).collect(),
			other => panic!("not active: {other:?}"),
		}
	}

	#[test]
	fn a_member_leaves_and_the_refreshed_key_signs_under_the_same_key() {
		new_test_ext().execute_with(|| {
			let (id, members) = active_key();
			let y = group_key(id);
			let before = group_of(id);
			let deposit = key(id).deposit;
			// A request in progress: two commitments, signers not fixed yet.
			let r = request(id, b"before the refresh");
			let _ = commit_all(r, &members, &[1, 2]);

			assert_noop!(Mpc::leave_key(origin(STRANGER), id), Error::<Test>::NotKeyMember);
			assert_noop!(Mpc::refresh_key(origin(STRANGER), id), Error::<Test>::EpochNotOver);
			assert_noop!(Mpc::leave_key(origin(1), 9), Error::<Test>::UnknownKey);
			assert_ok!(Mpc::leave_key(origin(3), id));
			assert_eq!(PendingKeys::<Test>::get().to_vec(), vec![id]);
			assert_noop!(Mpc::leave_key(origin(1), id), Error::<Test>::RefreshInProgress);
			assert_noop!(Mpc::refresh_key(origin(OWNER), id), Error::<Test>::RefreshInProgress);
			assert_noop!(Mpc::remove_key(origin(OWNER), id), Error::<Test>::KeyInUseBySignRequest);

			let run = running(id);
			assert_eq!(run.accounts, vec![1, 2, 4, 5]);
			assert_eq!(run.ids.iter().map(|i| i.get()).collect::<Vec<_>>(), vec![1, 2, 4, 5]);
			let packages = run.packages(id);
			let bounded = |p: &RefreshPackage| BoundedVec::truncate_from(p.commitments.clone());
			// Misplaced or malformed packages: errors, nothing stored.
			let a = run.attempt;
			assert_noop!(
				Mpc::submit_refresh_round1(origin(3), id, a, run.digest, bounded(&packages[0])),
				Error::<Test>::NotKeyMember
			);
			assert_noop!(
				Mpc::submit_refresh_round1(origin(1), id, a + 1, run.digest, bounded(&packages[0])),
				Error::<Test>::WrongKeyAttempt
			);
			assert_noop!(
				Mpc::submit_refresh_round1(origin(1), id, a, [7u8; 32], bounded(&packages[0])),
				Error::<Test>::AttemptMismatch
			);
			let mut short = packages[0].commitments.clone();
			short.pop();
			assert_noop!(
				Mpc::submit_refresh_round1(
					origin(1),
					id,
					a,
					run.digest,
					BoundedVec::truncate_from(short)
				),
				Error::<Test>::WrongCommitmentCount
			);
			let envelopes = run.envelopes(id, &packages);
			assert_noop!(
				Mpc::submit_key_envelope(
					origin(1),
					id,
					a,
					run.digest,
					bounded_envelope(&envelopes[0])
				),
				Error::<Test>::WrongKeyStep
			);
			run.post_packages(id, &packages, &[]);
			next_block();
			run.post_envelopes(id, &envelopes);
			next_block();
			// Not refreshed without every confirmation: the last one ends the window early.
			run.confirm(id, &run.accounts[..3]);
			let refresh = KeyRefreshes::<Test>::get(id, a).expect("refresh");
			assert!(refresh.until > System::block_number() + 1);
			assert_noop!(
				Mpc::confirm_key_shares(origin(1), id, a, run.digest, [0u8; 32]),
				Error::<Test>::AlreadyPosted
			);
			run.confirm(id, &run.accounts[3..]);
			let refresh = KeyRefreshes::<Test>::get(id, a).expect("refresh");
			assert_eq!(refresh.step, DkgStep::Complaints);
			assert_eq!(refresh.until, System::block_number() + 1);
			// Signing goes on under the old shares meanwhile: the request is as it was.
			assert_eq!(sign_request(r).commitments.len(), 2);
			run_to_block(refresh.until);

			// The same key; members 1, 2, 4, 5 with new verifying shares; member 3's seat free.
			assert_eq!(group_key(id), y);
			assert_eq!(ids_of(id), vec![1, 2, 4, 5]);
			let expected = before.refreshed(&run.ids, &packages).expect("refreshed");
			assert_eq!(group_of(id), expected);
			assert_eq!(KeySeats::<Test>::get(acc(3)), 0);
			assert_eq!(KeySeats::<Test>::get(acc(1)), 1);
			assert!(PendingKeys::<Test>::get().is_empty());
			assert!(System::events().iter().any(|e| e.event
				== Event::<Test>::KeyRefreshed {
					key: id,
					epoch: 1,
					members: [1u8, 2, 4, 5].iter().map(|&a| acc(a)).collect()
				}
				.into()));
			assert_eq!(key(id).deposit, deposit, "the deposit covered the refresh");
			assert_ok!(Mpc::do_try_state());

			// The open request restarted with fresh commitments; the new shares sign.
			let req = sign_request(r);
			assert_eq!((req.attempt, req.commitments.len()), (1, 0));
			let current: BTreeMap<u32, KeyPackage> =
				(1..=5).map(|i| (i, members[i as usize - 1].clone())).collect();
			let fresh = run.finish(id, &current, &before, &packages, &envelopes);
			let (n3, c3) = commit(&members[2], &mut rng(31)).expect("commit");
			assert_noop!(
				Mpc::submit_sign_commitment(origin(3), r, 1, c3),
				Error::<Test>::NotKeyMember
			);
			drop(n3);
			let mut drawn = Vec::new();
			for i in [5u32, 1, 4] {
				let (nonces, c) = commit(&fresh[&i], &mut rng(u64::from(i) + 40)).expect("commit");
				assert_ok!(Mpc::submit_sign_commitment(origin(i as u8), r, 1, c));
				drawn.push((i, nonces));
			}
			for (i, nonces) in drawn {
				let req = sign_request(r);
				let package = signing_package(&req.message, &req.commitments).expect("package");
				let share = sign(&package, nonces, &fresh[&i]).expect("share");
				assert_ok!(Mpc::submit_sign_share(origin(i as u8), r, 1, pd(r), share));
			}
			let SignState::Signed { signature, .. } = sign_request(r).state else {
				panic!("not signed")
			};
			assert!(sp_io::crypto::ed25519_verify(
				&ed25519::Signature::from_raw(signature),
				b"before the refresh",
				&ed25519::Public::from_raw(y)
			));
			assert_ok!(Mpc::do_try_state());

			// Removing the key removes every refresh's transcript.
			assert_ok!(Mpc::remove_signature(origin(OWNER), r));
			assert_ok!(Mpc::remove_key(origin(OWNER), id));
			assert_eq!(KeyRefreshes::<Test>::iter_prefix(id).count(), 0);
			assert_eq!(KeyRefreshRound1::<Test>::iter().count(), 0);
			assert_eq!(KeyRefreshEnvelopes::<Test>::iter().count(), 0);
			assert_eq!(KeySeats::<Test>::get(acc(1)), 0);
			assert_ok!(Mpc::do_try_state());
		});
	}

	/// A member that front-runs another's refresh package with a copy does not push it out:
	/// both are taken, and the copier, unable to make shares that check against the copy, is
	/// proven bad and left out.
	#[test]
	fn a_copied_refresh_package_is_taken_and_its_copier_proven_bad() {
		new_test_ext().execute_with(|| {
			let (id, _) = active_key();
			let before = group_of(id);
			assert_ok!(Mpc::refresh_key(origin(OWNER), id));
			let run = running(id);
			let packages = run.packages(id);
			let bounded = |p: &RefreshPackage| BoundedVec::truncate_from(p.commitments.clone());
			let a = run.attempt;
			// Member 2 posts member 1's package first; member 1's own is still taken.
			assert_ok!(Mpc::submit_refresh_round1(
				origin(2),
				id,
				a,
				run.digest,
				bounded(&packages[0])
			));
			run.post_packages(id, &packages, &[2]);
			let refresh = KeyRefreshes::<Test>::get(id, a).expect("refresh");
			assert_eq!(refresh.step, DkgStep::Round2, "every member's package is in");
			next_block();
			// Member 2's envelope carries shares of its own polynomial, not of the copy.
			let envelopes = run.envelopes(id, &packages);
			run.post_envelopes(id, &envelopes);
			next_block();
			let on_chain: Vec<RefreshPackage> = run
				.ids
				.iter()
				.map(|i| RefreshPackage {
					commitments: KeyRefreshRound1::<Test>::get((id, a, *i)).expect("p").to_vec(),
				})
				.collect();
			let ctx = run.ctx(id);
			let account = run.account(0);
			let m = run.member(&ctx, 0, &account);
			let current = key_package_of(id, 1);
			let RefreshOutcome::Complain { sender, complaint } =
				finish_refresh(&m, &current, &before, &on_chain, &envelopes, &mut rng(6))
					.expect("checks")
			else {
				panic!("member 1 complains")
			};
			assert_eq!(sender, index(2));
			let h = KeyRefreshEnvelopes::<Test>::get((id, a, sender)).expect("h").digest;
			let bond = Workers::<Test>::get(acc(2)).expect("worker").bond;
			assert_ok!(Mpc::complain_key_envelope(
				origin(1),
				id,
				a,
				sender,
				h,
				complaint.shared_key.to_bytes(),
				complaint.proof.to_bytes()
			));
			assert!(Workers::<Test>::get(acc(2)).expect("worker").bond < bond, "the copier pays");
			assert_eq!(running(id).accounts, vec![1, 3, 4, 5], "and is left out");
			assert_ok!(Mpc::do_try_state());
		});
	}

	#[test]
	fn a_bad_refresh_share_is_a_fault_a_silent_member_is_left_out_and_a_failed_refresh_keeps_the_key(
	) {
		new_test_ext().execute_with(|| {
			let (id, _) = active_key();
			let before = key(id);
			assert_ok!(Mpc::refresh_key(origin(OWNER), id));
			// Attempt 1: member 2 is silent in round 1 and left out, without a fault.
			let run = running(id);
			let packages = run.packages(id);
			run.post_packages(id, &packages, &[2]);
			run_to_block(KeyRefreshes::<Test>::get(id, run.attempt).expect("refresh").until);
			assert!(KeyRefreshes::<Test>::get(id, run.attempt).is_none(), "dropped");
			assert_eq!(KeyRefreshRound1::<Test>::iter().count(), 0);
			let run = running(id);
			assert_eq!(run.accounts, vec![1, 3, 4, 5]);
			// Attempt 2: member 4's share to member 1 is garbled; member 1's complaint proves
			// it, member 4 is at fault and left out.
			let packages = run.packages(id);
			run.post_packages(id, &packages, &[]);
			next_block();
			let mut envelopes = run.envelopes(id, &packages);
			envelopes[2].ciphertexts[0][4] ^= 1;
			run.post_envelopes(id, &envelopes);
			next_block();
			let ctx = run.ctx(id);
			let account = run.account(0);
			let m = run.member(&ctx, 0, &account);
			let current = key_package_of(id, 1);
			let RefreshOutcome::Complain { sender, complaint } =
				finish_refresh(&m, &current, &group_of(id), &packages, &envelopes, &mut rng(4))
					.expect("checks")
			else {
				panic!("member 1 complains")
			};
			assert_eq!(sender, index(4));
			let h = KeyRefreshEnvelopes::<Test>::get((id, run.attempt, sender)).expect("h").digest;
			let bond = Workers::<Test>::get(acc(4)).expect("worker").bond;
			assert_noop!(
				Mpc::complain_key_envelope(
					origin(1),
					id,
					run.attempt,
					sender,
					[1u8; 32],
					complaint.shared_key.to_bytes(),
					complaint.proof.to_bytes()
				),
				Error::<Test>::EnvelopeMismatch
			);
			assert_ok!(Mpc::complain_key_envelope(
				origin(1),
				id,
				run.attempt,
				sender,
				h,
				complaint.shared_key.to_bytes(),
				complaint.proof.to_bytes()
			));
			assert!(Workers::<Test>::get(acc(4)).expect("worker").bond < bond);
			// Attempt 3 (the last, MaxKeyAttempts = 3): members 1, 3, 5; all silent in round
			// 1, so the refresh fails and the key stays exactly as it was.
			let run = running(id);
			assert_eq!(run.accounts, vec![1, 3, 5]);
			run_to_block(KeyRefreshes::<Test>::get(id, run.attempt).expect("refresh").until);
			assert!(System::events()
				.iter()
				.any(|e| e.event == Event::<Test>::KeyRefreshFailed { key: id }.into()));
			let after = key(id);
			let (
				KeyStatus::Active { ids: i0, verifying_shares: v0, refreshes: r0, .. },
				KeyStatus::Active {
					ids: i1,
					verifying_shares: v1,
					refreshes: r1,
					refreshing,
					last_attempt,
					..
				},
			) = (&before.status, &after.status)
			else {
				panic!("active")
			};
			assert_eq!((i0, v0, r0), (i1, v1, r1));
			assert_eq!((*refreshing, *last_attempt), (None, run.attempt));
			assert_eq!(KeySeats::<Test>::get(acc(2)), 1, "still a member");
			assert!(PendingKeys::<Test>::get().is_empty());
			assert_eq!(KeyRefreshes::<Test>::iter_prefix(id).count(), 0);
			assert_ok!(Mpc::do_try_state());
		});
	}

	#[test]
	fn members_that_make_a_refresh_fail_are_left_out_of_the_next_one() {
		new_test_ext().execute_with(|| {
			register_workers(5);
			assert_ok!(Mpc::create_key(origin(OWNER), 5, 1));
			run_honest_attempt(0);
			assert_ok!(Mpc::refresh_key(origin(OWNER), 0));
			// Each attempt, one more member is silent in round 1: 5, then 4, then 3.
			for silent in [5u8, 4, 3] {
				let run = running(0);
				let packages = run.packages(0);
				let skip: Vec<u8> = (silent..=5).collect();
				run.post_packages(0, &packages, &skip);
				run_to_block(KeyRefreshes::<Test>::get(0, run.attempt).expect("r").until);
			}
			assert!(System::events()
				.iter()
				.any(|e| e.event == Event::<Test>::KeyRefreshFailed { key: 0 }.into()));
			let KeyStatus::Active { left_out, ids, .. } = key(0).status else { panic!() };
			assert_eq!(left_out.iter().map(|i| i.get()).collect::<Vec<_>>(), vec![3, 4, 5]);
			assert_eq!(ids.len(), 5, "the key is as it was");
			assert_ok!(Mpc::do_try_state());
			// The next refresh runs without them (t + 1 = 2 stay).
			assert_ok!(Mpc::refresh_key(origin(OWNER), 0));
			assert_eq!(running(0).accounts, vec![1, 2]);
			let KeyStatus::Active { left_out, .. } = key(0).status else { panic!() };
			assert!(left_out.is_empty());
		});
	}

	/// Member `i`'s key package of key `id`, made by the DKG (the mock's deterministic
	/// members, as `active_key` made them).
	fn key_package_of(id: KeyId, i: u32) -> KeyPackage {
		let k = key(id);
		let KeyStatus::Active { attempt, members, .. } = &k.status else { panic!("active") };
		let accounts: Vec<u8> =
			members.iter().map(|m| <AccountId as AsRef<[u8]>>::as_ref(&m.account)[0]).collect();
		let ctx = AttemptContext { genesis: Mpc::genesis_hash(), key: id, attempt: *attempt };
		let c = TestCommittee::new(
			ctx,
			k.threshold,
			accounts.iter().map(|&a| worker_secret(a)).collect(),
			accounts.iter().map(|&a| *acc(a).as_ref()).collect(),
		);
		let n = members.len() as u32;
		let packages: Vec<Round1Package> = ParticipantIndex::all(n)
			.map(|j| KeyRound1::<Test>::get(id, j).expect("package").to_package())
			.collect();
		let envelopes: Vec<Envelope> = ParticipantIndex::all(n)
			.map(|j| KeyEnvelopes::<Test>::get(id, j).expect("envelope").envelope.to_envelope())
			.collect();
		let mut all = c.key_packages(&packages, &envelopes, &mut rng(5)).expect("packages");
		all.swap_remove(i as usize - 1)
	}

	#[test]
	fn epochs_limits_and_who_may_refresh() {
		new_test_ext().execute_with(|| {
			let (id, _) = active_key();
			let epoch: u64 = <<Test as Config>::KeyEpochLength as Get<u64>>::get();
			let KeyStatus::Active { epoch_start, .. } = key(id).status else { panic!() };
			run_to_block(epoch_start + epoch - 1);
			assert_noop!(Mpc::refresh_key(origin(STRANGER), id), Error::<Test>::EpochNotOver);
			next_block();
			// The epoch is over: anyone may ask (a member's worker does).
			assert_ok!(Mpc::refresh_key(origin(STRANGER), id));
			assert!(System::events().iter().any(|e| e.event
				== Event::<Test>::KeyRefreshStarted { key: id, by: acc(STRANGER), leaving: None }
					.into()));
			assert_ok!(Mpc::do_try_state());
			// A key of t + 1 members: nobody may leave.
			let mut small = key(id);
			if let KeyStatus::Active { ids, verifying_shares, refreshing, .. } = &mut small.status {
				*refreshing = None;
				ids.truncate(3);
				verifying_shares.truncate(3);
			}
			ThresholdKeys::<Test>::insert(id, small.clone());
			assert_noop!(Mpc::leave_key(origin(1), id), Error::<Test>::TooFewMembers);
			// Past MaxKeyRefreshes the key is not refreshed again.
			let limit = <<Test as Config>::MaxKeyRefreshes as Get<u32>>::get();
			if let KeyStatus::Active { refreshes, .. } = &mut small.status {
				*refreshes = BoundedVec::truncate_from((0..limit).collect::<Vec<_>>());
			}
			ThresholdKeys::<Test>::insert(id, small);
			assert_noop!(Mpc::refresh_key(origin(OWNER), id), Error::<Test>::TooManyRefreshes);
			assert_noop!(Mpc::leave_key(origin(1), id), Error::<Test>::TooManyRefreshes);
		});
	}
}

mod expiry {
	use super::*;

	use super::refresh::refresh_honestly;

	#[test]
	fn a_key_expires_after_its_last_epoch_and_frees_its_seats() {
		new_test_ext().execute_with(|| {
			let (id, _) = active_key();
			let limit = <<Test as Config>::MaxKeyRefreshes as Get<u32>>::get();
			assert_noop!(Mpc::expire_key(origin(STRANGER), id), Error::<Test>::RefreshesLeft);
			for _ in 0..limit {
				refresh_honestly(id);
			}
			assert_ok!(Mpc::do_try_state());
			let KeyStatus::Active { refreshes, epoch_start, group_key, .. } = key(id).status else {
				panic!("active")
			};
			assert_eq!(refreshes.len() as u32, limit);
			assert_noop!(Mpc::refresh_key(origin(OWNER), id), Error::<Test>::TooManyRefreshes);
			assert_noop!(Mpc::expire_key(origin(STRANGER), id), Error::<Test>::EpochNotOver);
			assert_noop!(Mpc::expire_key(origin(STRANGER), 7), Error::<Test>::UnknownKey);
			// A request still open at the end of the last epoch fails with it.
			let epoch: u64 = <<Test as Config>::KeyEpochLength as Get<u64>>::get();
			run_to_block(epoch_start + epoch - 2);
			let r = request(id, b"too late");
			run_to_block(epoch_start + epoch);
			assert_eq!(sign_request(r).state, SignState::Open);
			SIGNED.with(|s| s.borrow_mut().clear());
			assert_ok!(Mpc::expire_key(origin(STRANGER), id));
			assert_eq!(last_event(), Event::<Test>::KeyExpired { key: id }.into());
			assert!(matches!(
				key(id).status,
				KeyStatus::Expired { group_key: y, .. } if y == group_key
			));
			assert!(matches!(sign_request(r).state, SignState::Failed { .. }));
			assert_eq!(SIGNED.with(|s| s.borrow().clone()), vec![(r, id, None)]);
			for w in 1..=5 {
				assert_eq!(KeySeats::<Test>::get(acc(w)), 0);
			}
			assert_eq!(KeyRefreshes::<Test>::iter_prefix(id).count(), 0);
			assert_eq!(KeyRefreshRound1::<Test>::iter().count(), 0);
			assert_eq!(KeyRound1::<Test>::iter_prefix(id).count(), 0);
			assert_ok!(Mpc::do_try_state());
			// It signs no more, and cannot expire twice; its owner removes it.
			assert_noop!(
				Mpc::request_signature(origin(OWNER), id, BoundedVec::truncate_from(vec![1])),
				Error::<Test>::KeyNotActive
			);
			assert_noop!(Mpc::expire_key(origin(STRANGER), id), Error::<Test>::KeyNotActive);
			assert_ok!(Mpc::remove_signature(origin(OWNER), r));
			assert_ok!(Mpc::remove_key(origin(OWNER), id));
			assert_eq!(Balances::balance_on_hold(&HoldReason::KeyDeposit.into(), &acc(OWNER)), 0);
			assert_ok!(Mpc::do_try_state());
		});
	}
}
