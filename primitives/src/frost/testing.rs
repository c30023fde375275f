//! A committee and the key it makes, built as members and chain build them: one recipe for
//! the tests and benchmarks of threshold keys (primitives, pallet). Behind `test-utils`.
// Recipes: a member index out of range is the caller's bug, and indexing says so loudest.
#![allow(clippy::indexing_slicing)]

use super::*;

/// A committee's worker secrets, accounts and keys, in member order, for one attempt.
pub struct TestCommittee {
	/// The attempt.
	pub ctx: AttemptContext,
	/// `t` (`t + 1` sign).
	pub t: u32,
	/// `e_1..e_n`.
	pub secrets: Vec<WorkerSecret>,
	/// `W_1..W_n`.
	pub accounts: Vec<AccountBytes>,
	/// `E_1..E_n`.
	pub keys: Vec<EncryptionKey>,
}

/// What an honest committee's DKG produces.
pub struct TestKey {
	/// The round-1 packages, in member order.
	pub packages: Vec<Round1Package>,
	/// The envelopes, in member order.
	pub envelopes: Vec<Envelope>,
	/// Each member's key package.
	pub members: Vec<KeyPackage>,
	/// The key as the chain computes it.
	pub group: FrostGroup,
}

impl TestCommittee {
	/// A committee of the given secrets and accounts (as many of each).
	pub fn new(
		ctx: AttemptContext,
		t: u32,
		secrets: Vec<WorkerSecret>,
		accounts: Vec<AccountBytes>,
	) -> Self {
		let keys = secrets.iter().map(|s| *s.public_key()).collect();
		Self { ctx, t, secrets, accounts, keys }
	}

	/// `n_a`.
	pub fn n(&self) -> u32 {
		self.secrets.len() as u32
	}

	/// Member `i` (1-based; `1 <= i <= n`).
	pub fn member(&self, i: ParticipantIndex) -> Member<'_> {
		let at = i.get() as usize - 1;
		Member {
			secret: &self.secrets[at],
			ctx: &self.ctx,
			shape: MemberShape { index: i, n: self.n(), t: self.t },
			account: &self.accounts[at],
			keys: &self.keys,
		}
	}

	/// Every member's round-1 package.
	pub fn round1(&self) -> Result<Vec<Round1Package>, Error> {
		ParticipantIndex::all(self.n()).map(|i| round1(&self.member(i))).collect()
	}

	/// Every member's envelope over `packages`.
	pub fn envelopes(&self, packages: &[Round1Package]) -> Result<Vec<Envelope>, Error> {
		ParticipantIndex::all(self.n()).map(|i| seal_envelope(&self.member(i), packages)).collect()
	}

	/// Every member's key package; a complaint (which an honest committee never makes) is
	/// [`Error::ShareCheckFailed`].
	pub fn key_packages<R: CryptoRngCore + ?Sized>(
		&self,
		packages: &[Round1Package],
		envelopes: &[Envelope],
		rng: &mut R,
	) -> Result<Vec<KeyPackage>, Error> {
		ParticipantIndex::all(self.n())
			.map(|i| match finish_dkg(&self.member(i), packages, envelopes, rng)? {
				DkgOutcome::Key(k) => Ok(k),
				DkgOutcome::Complain { .. } => Err(Error::ShareCheckFailed),
			})
			.collect()
	}

	/// Member `recipient`'s complaint about `sender`'s envelope, whatever the share inside:
	/// true against a bad share, false (a fault) against a good one.
	pub fn complaint<R: CryptoRngCore + ?Sized>(
		&self,
		sender: ParticipantIndex,
		recipient: ParticipantIndex,
		envelope: &Envelope,
		rng: &mut R,
	) -> Result<Complaint, Error> {
		let ephemeral = EphemeralKey::from_bytes(&envelope.ephemeral_key)?;
		let ctx = SenderContext { attempt: self.ctx, sender };
		Ok(complain(&self.secrets[recipient.get() as usize - 1], &ctx, recipient, &ephemeral, rng))
	}

	/// The whole DKG of an honest committee.
	pub fn make_key<R: CryptoRngCore + ?Sized>(&self, rng: &mut R) -> Result<TestKey, Error> {
		let packages = self.round1()?;
		let envelopes = self.envelopes(&packages)?;
		let members = self.key_packages(&packages, &envelopes, rng)?;
		let group = FrostGroup::from_round1(self.t, &packages)?;
		Ok(TestKey { packages, envelopes, members, group })
	}
}
