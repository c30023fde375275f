//! Refreshing a threshold key (FROST's refresh, `frost_ed25519::keys::refresh`): the members
//! that stay re-share zero, so the group key `Y` stays, every share changes, and the shares of
//! members left out no longer combine with the new ones (PROTOCOL.md section 14.9). Run
//! by pallet-mpc as section 14.10 says.
//!
//! A refresh runs like a DKG attempt (its own attempt number `a` of the key), with these
//! differences:
//! - members keep their key identifiers `id(i)` (so a refresh's identifiers can have gaps), and
//!   `u32le(j)`, `u32le(i)` in the envelope's tags are identifiers;
//! - a member's polynomial `g_j` has `g_j(0) = 0`: its round-1 package is `Ψ_{j,1..t}` (`t`
//!   valid points) and has no proof of knowledge (there is no secret constant to know, and `Y`
//!   cannot move);
//! - a share checks as `s B == sum_{k=1..t} id(i)^k Ψ_{j,k}`;
//! - the new verifying shares are `Y_i + sum_j sum_{k=1..t} id(i)^k Ψ_{j,k}`.

use super::*;

/// A member of a refresh: its secret, the refresh attempt, the threshold, its position among
/// the members that stay, their identifiers and worker keys in order, and its account.
#[derive(Clone, Copy)]
pub struct RefreshMember<'a> {
	/// The member's worker secret `e_i`.
	pub secret: &'a WorkerSecret,
	/// The key and the refresh's attempt.
	pub ctx: &'a AttemptContext,
	/// `t` (unchanged by a refresh).
	pub t: u32,
	/// The member's position among the members that stay (1-based).
	pub position: ParticipantIndex,
	/// The identifiers of the members that stay, in increasing order.
	pub ids: &'a [ParticipantIndex],
	/// Their worker keys, in the same order.
	pub keys: &'a [EncryptionKey],
	/// The member's account `W_i`.
	pub account: &'a AccountBytes,
}

impl RefreshMember<'_> {
	fn id(&self) -> Result<ParticipantIndex, Error> {
		self.ids.get(self.position.get() as usize - 1).copied().ok_or(Error::InvalidIndex)
	}
}

/// A refresh's round-1 package: `Ψ_{j,1..t}`.
#[derive(Clone, Debug, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, TypeInfo)]
pub struct RefreshPackage {
	/// `Ψ_{j,k} = b_{j,k} B`, `k = 1..t`.
	pub commitments: Vec<[u8; 32]>,
}

/// `A_r` (section 14.9): names refresh attempt `ctx` with threshold `t` and its members
/// `(id(i), W_i, E_i)` in increasing order of identifier.
pub fn refresh_attempt_digest(
	ctx: &AttemptContext,
	t: u32,
	members: &[(ParticipantIndex, AccountBytes, EncryptionKey)],
) -> [u8; 32] {
	let mut h = Transcript::new(DST_FROST_REFRESH);
	ctx.append_to(&mut h);
	h.append_u32(t).append_u32(u32::try_from(members.len()).unwrap_or(u32::MAX));
	for (i, account, key) in members {
		h.append_u32(i.get()).append(account).append(key.as_bytes());
	}
	h.finalize_32()
}

/// The chain's check of a refresh package for threshold `t`: `t` valid points.
pub fn verify_refresh_round1(t: u32, package: &RefreshPackage) -> Result<(), Error> {
	if package.commitments.len() != t as usize {
		return Err(Error::WrongCommitmentCount);
	}
	for c in &package.commitments {
		decode_point(c)?;
	}
	Ok(())
}

/// The seed of a member's refresh randomness: as section 14.3's, under its own local tag,
/// over the member's identifier and every member's identifier and key.
fn refresh_rng(m: &RefreshMember<'_>) -> Result<ChaCha20Rng, Error> {
	let mut t = Transcript::new(DST_FROST_REFRESH_RNG);
	t.append(&*m.secret.to_bytes());
	m.ctx.append_to(&mut t);
	t.append_u32(m.t).append_u32(m.ids.len() as u32).append_u32(m.id()?.get()).append(m.account);
	for (i, key) in m.ids.iter().zip(m.keys) {
		t.append_u32(i.get()).append(key.as_bytes());
	}
	let seed = Zeroizing::new(t.finalize_32());
	Ok(ChaCha20Rng::from_seed(*seed))
}

type RefreshPart1 = (frost::keys::dkg::round1::SecretPackage, ChaCha20Rng, RefreshPackage);

fn refresh_part1(m: &RefreshMember<'_>) -> Result<RefreshPart1, Error> {
	let n = u16::try_from(m.ids.len()).map_err(|_| Error::InvalidThreshold)?;
	let min = u16::try_from(m.t.saturating_add(1)).map_err(|_| Error::InvalidThreshold)?;
	if m.t == 0
		|| min > n
		|| m.keys.len() != m.ids.len()
		|| !m.ids.iter().zip(m.ids.iter().skip(1)).all(|(a, b)| a < b)
	{
		return Err(Error::InvalidThreshold);
	}
	let own = m.keys.get(m.position.get() as usize - 1).ok_or(Error::InvalidIndex)?;
	if own != m.secret.public_key() {
		return Err(Error::InvalidIndex);
	}
	let mut rng = refresh_rng(m)?;
	let (secret, package) =
		frost::keys::refresh::refresh_dkg_part1(identifier(m.id()?)?, n, min, &mut rng)
			.map_err(|_| Error::InvalidThreshold)?;
	Ok((secret, rng, RefreshPackage { commitments: commitment_points(&package)? }))
}

/// The member's refresh package.
pub fn refresh_round1(m: &RefreshMember<'_>) -> Result<RefreshPackage, Error> {
	refresh_part1(m).map(|(_, _, p)| p)
}

/// A placeholder proof for frost's round-1 packages of a refresh, which frost never checks
/// (and which carry none on chain): the base point and a zero response.
fn no_proof() -> Result<frost::Signature, Error> {
	let mut bytes = [0u8; 64];
	bytes[..32].copy_from_slice(&curve25519_dalek::constants::ED25519_BASEPOINT_COMPRESSED.0);
	frost::Signature::deserialize(&bytes).map_err(|_| Error::InvalidProof)
}

/// The other members' refresh packages keyed by identifier, as frost takes them.
fn others_refresh(
	m: &RefreshMember<'_>,
	packages: &[RefreshPackage],
) -> Result<BTreeMap<frost::Identifier, frost::keys::dkg::round1::Package>, Error> {
	if packages.len() != m.ids.len() {
		return Err(Error::InvalidThreshold);
	}
	let me = m.id()?;
	m.ids
		.iter()
		.zip(packages)
		.filter(|(i, _)| **i != me)
		.map(|(i, p)| {
			let commitment =
				frost::keys::VerifiableSecretSharingCommitment::deserialize(p.commitments.iter())
					.map_err(|_| Error::InvalidPoint)?;
			Ok((identifier(*i)?, frost::keys::dkg::round1::Package::new(commitment, no_proof()?)))
		})
		.collect()
}

/// The member's refresh envelope: `g_j(id(i))` for every other member, encrypted as in section
/// 14.4 with identifiers in the tags.
pub fn seal_refresh_envelope(
	m: &RefreshMember<'_>,
	packages: &[RefreshPackage],
) -> Result<Envelope, Error> {
	let (secret, mut rng, own) = refresh_part1(m)?;
	if packages.get(m.position.get() as usize - 1) != Some(&own) {
		return Err(Error::WrongCommitmentCount);
	}
	let others = others_refresh(m, packages)?;
	let (_, shares) = frost::keys::refresh::refresh_dkg_part2(secret, &others)
		.map_err(|_| Error::InvalidProof)?;
	let me = m.id()?;
	let sender = SenderContext { attempt: *m.ctx, sender: me };
	let mut recipients = Vec::with_capacity(m.ids.len().saturating_sub(1));
	for (i, key) in m.ids.iter().zip(m.keys) {
		if *i == me {
			continue;
		}
		let share = shares.get(&identifier(*i)?).ok_or(Error::InvalidIndex)?;
		recipients.push((*i, key, Zeroizing::new(share.signing_share().serialize())));
	}
	seal_shares(&sender, m.account, &recipients, &mut rng)
}

/// What a member's check of a refresh came to.
pub enum RefreshOutcome {
	/// Every share checked: the member's refreshed key package, and the refreshed key as the
	/// member computes it (the same as [`FrostGroup::refreshed`]).
	Key(KeyPackage, alloc::boxed::Box<FrostGroup>),
	/// The share from the member with identifier `sender` did not: complain (section 14.5,
	/// with identifiers).
	Complain {
		/// The sender's identifier.
		sender: ParticipantIndex,
		/// `K` and its proof.
		complaint: Complaint,
	},
}

/// The position of recipient `recipient`'s ciphertext in the envelope of `sender` (both
/// identifiers) among `ids`.
pub fn refresh_slot(
	ids: &[ParticipantIndex],
	sender: ParticipantIndex,
	recipient: ParticipantIndex,
) -> Option<usize> {
	ids.iter().filter(|i| **i != sender).position(|i| *i == recipient)
}

/// `s B == sum_{k=1..t} id(i)^k Ψ_{j,k}`: a refresh share check.
fn refresh_share_matches(
	recipient: ParticipantIndex,
	share: &frost::keys::SigningShare,
	commitments: &[[u8; 32]],
) -> bool {
	let bytes = Zeroizing::new(share.serialize());
	let mut s = Zeroizing::new([0u8; 32]);
	let Some(b) = bytes.get(..32) else { return false };
	s.copy_from_slice(b);
	let Ok(s) = decode_scalar(&s).map(Zeroizing::new) else { return false };
	let x = DalekScalar::from(u64::from(recipient.get()));
	let mut power = x;
	let mut sum = curve25519_dalek::EdwardsPoint::default();
	for c in commitments {
		let Ok(point) = decode_point(c) else { return false };
		sum += point * power;
		power *= x;
	}
	curve25519_dalek::EdwardsPoint::mul_base(&s) == sum
}

/// Judges a complaint against a refresh envelope, as [`judge_frost_complaint`] does for a DKG's
/// (`subject.commitments` are the sender's `Ψ_{j,1..t}`; indices are identifiers).
pub fn judge_refresh_complaint(
	subject: &FrostComplaintSubject<'_>,
	shared_key: &[u8; 32],
	proof: &[u8; 64],
) -> Result<ComplaintVerdict, ComplaintError> {
	judge_envelope_complaint(subject, shared_key, proof, refresh_share_matches)
}

/// Member `m`'s check of every refresh envelope and, if all its shares check, its refreshed key
/// package from its current one (`old`) and the key's current public package (`group`).
pub fn finish_refresh<R: CryptoRngCore + ?Sized>(
	m: &RefreshMember<'_>,
	old: &KeyPackage,
	group: &FrostGroup,
	packages: &[RefreshPackage],
	envelopes: &[Envelope],
	rng: &mut R,
) -> Result<RefreshOutcome, Error> {
	if envelopes.len() != m.ids.len() {
		return Err(Error::InvalidThreshold);
	}
	let (secret, _, own) = refresh_part1(m)?;
	if packages.get(m.position.get() as usize - 1) != Some(&own) {
		return Err(Error::WrongCommitmentCount);
	}
	let me = m.id()?;
	let mut received = BTreeMap::new();
	for ((j, package), envelope) in m.ids.iter().zip(packages).zip(envelopes) {
		if *j == me {
			continue;
		}
		let slot = refresh_slot(m.ids, *j, me).ok_or(Error::InvalidIndex)?;
		let sender = SenderContext { attempt: *m.ctx, sender: *j };
		let ephemeral = EphemeralKey::from_bytes(&envelope.ephemeral_key)?;
		let ciphertext = envelope.ciphertexts.get(slot).ok_or(Error::InvalidIndex)?;
		let shared = m.secret.shared_secret(&ephemeral);
		match open_envelope_share(
			&sender,
			me,
			m.secret.public_key(),
			&ephemeral,
			shared.as_bytes(),
			ciphertext,
			&package.commitments,
			refresh_share_matches,
		) {
			Ok(share) => {
				received.insert(identifier(*j)?, frost::keys::dkg::round2::Package::new(share));
			}
			Err(_) => {
				let complaint = complain(m.secret, &sender, me, &ephemeral, rng);
				return Ok(RefreshOutcome::Complain { sender: *j, complaint });
			}
		}
	}
	let others = others_refresh(m, packages)?;
	let (round2, _) = frost::keys::refresh::refresh_dkg_part2(secret, &others)
		.map_err(|_| Error::InvalidProof)?;
	let (key, public) = frost::keys::refresh::refresh_dkg_shares(
		&round2,
		&others,
		&received,
		group.public.clone(),
		old.clone(),
	)
	.map_err(|_| Error::ShareCheckFailed)?;
	Ok(RefreshOutcome::Key(key, alloc::boxed::Box::new(FrostGroup { t: group.t, public })))
}

impl FrostGroup {
	/// The key after a refresh by the members `ids` with packages `packages`, as the chain
	/// computes it: the same `Y`; for each member that stays,
	/// `Y_i + sum_j sum_{k=1..t} id(i)^k Ψ_{j,k}`; the others are gone.
	pub fn refreshed(
		&self,
		ids: &[ParticipantIndex],
		packages: &[RefreshPackage],
	) -> Result<Self, Error> {
		if ids.len() != packages.len()
			|| packages.iter().any(|p| p.commitments.len() != self.t as usize)
		{
			return Err(Error::WrongCommitmentCount);
		}
		// `S_k = sum_j Ψ_{j,k}` once, then `Y_i + sum_k id(i)^k S_k` for each member.
		let mut sums = alloc::vec![curve25519_dalek::EdwardsPoint::default(); self.t as usize];
		for p in packages {
			for (sum, c) in sums.iter_mut().zip(&p.commitments) {
				*sum += decode_point(c)?;
			}
		}
		let mut shares = BTreeMap::new();
		for i in ids {
			let id = identifier(*i)?;
			let old = self.public.verifying_shares().get(&id).ok_or(Error::InvalidIndex)?;
			let x = DalekScalar::from(u64::from(i.get()));
			let mut power = x;
			let mut delta = curve25519_dalek::EdwardsPoint::default();
			for sum in &sums {
				delta += sum * power;
				power *= x;
			}
			let share = frost::keys::VerifyingShare::new(old.to_element() + delta);
			shares.insert(id, share);
		}
		let min = u16::try_from(self.t.saturating_add(1)).map_err(|_| Error::InvalidThreshold)?;
		let public =
			frost::keys::PublicKeyPackage::new(shares, *self.public.verifying_key(), Some(min));
		Self::from_public(self.t, public)
	}
}

#[cfg(test)]
mod tests {
	use super::*;
	use crate::frost::testing::TestCommittee;

	fn idx(i: u32) -> ParticipantIndex {
		ParticipantIndex::new(i).expect("non-zero")
	}

	#[test]
	fn a_refresh_without_a_member_keeps_the_key_and_makes_the_old_shares_useless() {
		let secrets: Vec<WorkerSecret> = (1..=5u8)
			.map(|i| WorkerSecret::from_uniform_bytes(&[i; 64]).expect("secret"))
			.collect();
		let accounts: Vec<AccountBytes> = (1..=5u8).map(|i| [i; 32]).collect();
		let ctx = AttemptContext { genesis: [3u8; 32], key: 1, attempt: 0 };
		let committee = TestCommittee::new(ctx, 2, secrets.clone(), accounts.clone());
		let key = committee.make_key(&mut ChaCha20Rng::seed_from_u64(1)).expect("key");

		// Member 3 leaves; 1, 2, 4, 5 refresh in attempt 1.
		let stay = [1u32, 2, 4, 5];
		let ids: Vec<ParticipantIndex> = stay.iter().map(|&i| idx(i)).collect();
		let keys: Vec<EncryptionKey> =
			stay.iter().map(|&i| committee.keys[i as usize - 1]).collect();
		let rctx = AttemptContext { attempt: 1, ..ctx };
		let member = |p: usize| RefreshMember {
			secret: &secrets[stay[p] as usize - 1],
			ctx: &rctx,
			t: 2,
			position: idx(p as u32 + 1),
			ids: &ids,
			keys: &keys,
			account: &accounts[stay[p] as usize - 1],
		};
		let packages: Vec<RefreshPackage> =
			(0..4).map(|p| refresh_round1(&member(p)).expect("package")).collect();
		for p in &packages {
			verify_refresh_round1(2, p).expect("t valid points");
		}
		let envelopes: Vec<Envelope> = (0..4)
			.map(|p| seal_refresh_envelope(&member(p), &packages).expect("envelope"))
			.collect();
		let chain = key.group.refreshed(&ids, &packages).expect("refreshed key");
		assert_eq!(chain.group_key(), key.group.group_key(), "the key stays");
		// As the chain stores it, with the gap at identifier 3.
		let stored = FrostGroup::from_parts(2, &chain.group_key(), &ids, &chain.verifying_shares())
			.expect("parts");
		assert_eq!(stored, chain);
		assert!(
			FrostGroup::from_parts(
				2,
				&chain.group_key(),
				&[idx(1), idx(2), idx(3), idx(4)],
				&chain.verifying_shares()
			)
			.is_ok_and(|g| g != chain),
			"identifiers matter"
		);
		let mut rng = ChaCha20Rng::seed_from_u64(2);
		let mut new_packages = Vec::new();
		for (p, i) in stay.iter().enumerate() {
			let old = &key.members[*i as usize - 1];
			let outcome =
				finish_refresh(&member(p), old, &key.group, &packages, &envelopes, &mut rng)
					.expect("checks");
			let RefreshOutcome::Key(kp, public) = outcome else { panic!("no complaint") };
			assert_eq!(public.verifying_shares(), chain.verifying_shares());
			assert_ne!(kp.signing_share(), old.signing_share(), "every share changes");
			new_packages.push(kp);
		}
		// The refreshed members sign; their signature verifies under the same key.
		let message = b"after a refresh";
		let signers = [0usize, 2, 3];
		let drawn: Vec<_> =
			signers.iter().map(|&p| commit(&new_packages[p], &mut rng).expect("commit")).collect();
		let commitments: Vec<_> =
			signers.iter().zip(&drawn).map(|(&p, (_, c))| (ids[p], *c)).collect();
		let package = signing_package(message, &commitments).expect("package");
		let shares: Vec<_> = signers
			.iter()
			.zip(drawn)
			.map(|(&p, (n, _))| (ids[p], sign(&package, n, &new_packages[p]).expect("share")))
			.collect();
		for (i, z) in &shares {
			chain.verify_share(&package, *i, z).expect("valid share");
		}
		chain.aggregate(&package, &shares).expect("signature");
		// The departed member's old share is no share of the refreshed key: with two refreshed
		// members it does not sign (its share fails the check), and it has no verifying share.
		let (n3, c3) = commit(&key.members[2], &mut rng).expect("commit");
		let (n1, c1) = commit(&new_packages[0], &mut rng).expect("commit");
		let (n2, c2) = commit(&new_packages[1], &mut rng).expect("commit");
		let mixed = [(idx(1), c1), (idx(2), c2), (idx(3), c3)];
		let package = signing_package(message, &mixed).expect("package");
		let z3 = sign(&package, n3, &key.members[2]).expect("share");
		assert!(chain.verify_share(&package, idx(3), &z3).is_err());
		let z1 = sign(&package, n1, &new_packages[0]).expect("share");
		let z2 = sign(&package, n2, &new_packages[1]).expect("share");
		assert!(chain.aggregate(&package, &[(idx(1), z1), (idx(2), z2), (idx(3), z3)]).is_err());
		// A garbled ciphertext from member 4 to member 1: member 1 complains, and the chain's
		// judgement finds the share bad; a complaint about a good share is a fault.
		let mut bad = envelopes.clone();
		bad[2].ciphertexts[0][5] ^= 1;
		let old = &key.members[0];
		let outcome =
			finish_refresh(&member(0), old, &key.group, &packages, &bad, &mut rng).expect("checks");
		let RefreshOutcome::Complain { sender, complaint } = outcome else { panic!("complains") };
		assert_eq!(sender, idx(4));
		let sctx = SenderContext { attempt: rctx, sender };
		let e = EphemeralKey::from_bytes(&bad[2].ephemeral_key).expect("E");
		let subject = |ct| FrostComplaintSubject {
			sender: &sctx,
			recipient: idx(1),
			recipient_key: &keys[0],
			ephemeral_key: &e,
			commitments: &packages[2].commitments,
			ciphertext: ct,
		};
		let (k, proof) = (complaint.shared_key.to_bytes(), complaint.proof.to_bytes());
		assert_eq!(
			judge_refresh_complaint(&subject(&bad[2].ciphertexts[0]), &k, &proof),
			Ok(ComplaintVerdict::InputDisqualified { reason: ShareError::DecryptionFailed })
		);
		assert_eq!(
			judge_refresh_complaint(&subject(&envelopes[2].ciphertexts[0]), &k, &proof),
			Ok(ComplaintVerdict::WorkerAtFault)
		);
		// A refresh package with a wrong count or an invalid point is refused.
		let mut short = packages[0].clone();
		short.commitments.pop();
		assert!(verify_refresh_round1(2, &short).is_err());
		let mut identity = packages[0].clone();
		identity.commitments[0] = [0u8; 32];
		identity.commitments[0][0] = 1;
		assert!(verify_refresh_round1(2, &identity).is_err());
	}
}

/// Test vectors of section 14.9 (`tests/vectors/frost-refresh-v1.json`): a key of five
/// (`t = 2`) made by the DKG, member 3 left out, and a refresh by members 1, 2, 4 and 5 in
/// attempt 1, with the old and new shares and a signature by members 1, 4 and 5 under the same
/// key. `MPC_WRITE_FROST_VECTORS=1` writes the file instead of checking it.
#[cfg(test)]
mod vectors {
	use super::*;
	use crate::beacon_vectors::check_vector_file;
	use crate::frost::testing::TestCommittee;
	use serde_json::{json, Value};

	const PATH: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/vectors/frost-refresh-v1.json");

	fn hex(bytes: &[u8]) -> alloc::string::String {
		::hex::encode(bytes)
	}

	fn idx(i: u32) -> ParticipantIndex {
		ParticipantIndex::new(i).expect("non-zero")
	}

	fn compute() -> Value {
		let ctx = AttemptContext { genesis: [0x24u8; 32], key: 3, attempt: 0 };
		let t = 2u32;
		let secrets: Vec<WorkerSecret> = (1..=5u64)
			.map(|i| {
				WorkerSecret::from_bytes(&DalekScalar::from(3000 + i).to_bytes()).expect("secret")
			})
			.collect();
		let account = |i: u32| [0x30 + i as u8; 32];
		let committee = TestCommittee::new(ctx, t, secrets.clone(), (1..=5).map(account).collect());
		let key = committee.make_key(&mut ChaCha20Rng::seed_from_u64(5)).expect("key");

		let stay = [1u32, 2, 4, 5];
		let ids: Vec<ParticipantIndex> = stay.iter().map(|&i| idx(i)).collect();
		let keys: Vec<EncryptionKey> =
			stay.iter().map(|&i| committee.keys[i as usize - 1]).collect();
		let accounts: Vec<AccountBytes> = stay.iter().map(|&i| account(i)).collect();
		let rctx = AttemptContext { attempt: 1, ..ctx };
		let member = |p: usize| RefreshMember {
			secret: &secrets[stay[p] as usize - 1],
			ctx: &rctx,
			t,
			position: idx(p as u32 + 1),
			ids: &ids,
			keys: &keys,
			account: &accounts[p],
		};
		let packages: Vec<RefreshPackage> =
			(0..4).map(|p| refresh_round1(&member(p)).expect("package")).collect();
		let envelopes: Vec<Envelope> = (0..4)
			.map(|p| seal_refresh_envelope(&member(p), &packages).expect("envelope"))
			.collect();
		let refreshed = key.group.refreshed(&ids, &packages).expect("refreshed");
		let mut rng = ChaCha20Rng::seed_from_u64(6);
		let mut new_packages = Vec::new();
		for (p, i) in stay.iter().enumerate() {
			let old = &key.members[*i as usize - 1];
			let outcome =
				finish_refresh(&member(p), old, &key.group, &packages, &envelopes, &mut rng)
					.expect("checks");
			let RefreshOutcome::Key(kp, _) = outcome else { panic!("no complaint") };
			new_packages.push(kp);
		}
		let members: Vec<Value> = stay
			.iter()
			.enumerate()
			.map(|(p, &i)| {
				let sender = SenderContext { attempt: rctx, sender: idx(i) };
				json!({
					"identifier": i,
					"account": hex(&accounts[p]),
					"e": hex(&*secrets[i as usize - 1].to_bytes()),
					"E": hex(keys[p].as_bytes()),
					"old_share": hex(&key.members[i as usize - 1].signing_share().serialize()),
					"package": packages[p].commitments.iter().map(|c| hex(c)).collect::<Vec<_>>(),
					"envelope": {
						"ephemeral_key": hex(&envelopes[p].ephemeral_key),
						"proof": hex(&envelopes[p].proof),
						"ciphertexts": envelopes[p].ciphertexts.iter().map(|c| hex(c)).collect::<Vec<_>>(),
						"digest": hex(&envelope_digest(&sender, &packages[p].commitments, &envelopes[p])),
					},
					"new_share": hex(&new_packages[p].signing_share().serialize()),
				})
			})
			.collect();
		let list: Vec<(ParticipantIndex, AccountBytes, EncryptionKey)> =
			ids.iter().zip(&accounts).zip(&keys).map(|((i, a), k)| (*i, *a, *k)).collect();

		// Members 1, 4 and 5 sign with their new shares.
		let message = b"substrate-mpc frost refresh vector";
		let signers = [0usize, 2, 3];
		let drawn: Vec<_> =
			signers.iter().map(|&p| commit(&new_packages[p], &mut rng).expect("commit")).collect();
		let commitments: Vec<_> =
			signers.iter().zip(&drawn).map(|(&p, (_, c))| (ids[p], *c)).collect();
		let package = signing_package(message, &commitments).expect("package");
		let shares: Vec<_> = signers
			.iter()
			.zip(&drawn)
			.map(|(&p, (n, _))| (ids[p], sign(&package, n.clone(), &new_packages[p]).expect("z")))
			.collect();
		let signature = refreshed.aggregate(&package, &shares).expect("signature");
		let signing: Vec<Value> = signers
			.iter()
			.zip(&drawn)
			.zip(&shares)
			.map(|((&p, (n, c)), (_, z))| {
				json!({
					"identifier": stay[p],
					"nonces": hex(&*nonces_to_bytes(n)),
					"hiding": hex(&c.hiding),
					"binding": hex(&c.binding),
					"share": hex(z),
				})
			})
			.collect();

		json!({
			"section": "PROTOCOL.md section 14.9",
			"genesis": hex(&ctx.genesis),
			"key": ctx.key,
			"attempt": rctx.attempt,
			"t": t,
			"group_key": hex(&key.group.group_key()),
			"old_verifying_shares": key.group.verifying_shares().iter().map(|s| hex(s)).collect::<Vec<_>>(),
			"left_out": 3,
			"members": members,
			"attempt_digest": hex(&refresh_attempt_digest(&rctx, t, &list)),
			"new_verifying_shares": refreshed.verifying_shares().iter().map(|s| hex(s)).collect::<Vec<_>>(),
			"signing": {
				"message": hex(message),
				"signers": signing,
				"signature": hex(&signature),
			},
		})
	}

	#[test]
	fn frost_refresh_vectors_match() {
		check_vector_file(PATH, "MPC_WRITE_FROST_VECTORS", &compute());
	}
}
