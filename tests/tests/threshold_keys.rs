//! Threshold keys on a `--dev` node with its five dev workers (PROTOCOL.md section 14): the
//! committee makes a key (n = 5, t = 2) through the chain, signs a message that
//! `ed25519_verify` accepts, and moves funds out of the key's own account with a
//! committee-signed `balances.transfer_keep_alive` that executes like any transaction. Then a
//! member leaves: the key is refreshed without it (PROTOCOL.md section 14.10) and the other
//! four sign under the same key.

use codec::Encode;
use mpc_e2e::{keys, Node};
use mpc_runtime::{AccountId, RuntimeCall, RuntimeEvent, UNIT};
use sp_core::{ed25519, Pair};
use sp_keyring::Sr25519Keyring;
use sp_runtime::{AccountId32, MultiSignature};
use std::time::Duration;

#[tokio::test(flavor = "multi_thread")]
async fn a_committee_key_signs_and_moves_funds_from_its_account() {
	let mut node = Node::dev();
	let client = node.client(Duration::from_secs(180)).await;
	client.wait_for_block(1, Duration::from_secs(60)).await;
	let owner = Sr25519Keyring::Ferdie.pair();

	// The dev pool is exactly five workers: the committee is the pool, no draw.
	let (id, requested) = keys::create(&client, &owner, 5, 2).await;
	let y = keys::wait_active(&client, id, Duration::from_secs(180)).await;
	let key = keys::key(&client, id).await.expect("key");
	let mpc_runtime::pallet_mpc::KeyStatus::Active { activated, members, .. } = key.status else {
		panic!("active")
	};
	assert_eq!(members.len(), 5);
	println!(
		"threshold key n = 5, t = 2: requested in block {requested}, made in block {activated} \
		 ({} blocks, {:.0} s)",
		activated - requested,
		client.seconds_between(requested, activated).await
	);

	// A signature over a message: an ordinary Ed25519 signature by Y.
	let message = b"substrate-mpc threshold key e2e".to_vec();
	let (request, asked) = keys::ask(&client, &owner, id, message.clone()).await;
	let (sig, at) = keys::wait_signed(&client, request, Duration::from_secs(120)).await;
	println!(
		"signature: requested in block {}, signed in block {at} ({} blocks, {:.0} s)",
		asked.block,
		at - asked.block,
		client.seconds_between(asked.block, at).await
	);
	assert!(keys::verifies(&y, &message, &sig));
	assert!(!keys::verifies(&y, b"another message", &sig));

	// Funds sent to the key's account move only with the committee's signature.
	let account = AccountId32::new(y);
	let fund = RuntimeCall::Balances(pallet_balances::Call::transfer_keep_alive {
		dest: account.clone().into(),
		value: 10 * UNIT,
	});
	client.submit_and_wait(&owner, fund).await.expect("funded");
	let dave = AccountId::from(Sr25519Keyring::Dave.public());
	let dave_before = client.account(&dave).await.0;
	let transfer = RuntimeCall::Balances(pallet_balances::Call::transfer_keep_alive {
		dest: dave.clone().into(),
		value: 3 * UNIT,
	});
	let payload = client.signing_payload(&account, transfer).await;
	// The message is exactly what a signer of this transaction signs (hashed if long).
	let message = payload.using_encoded(|bytes| bytes.to_vec());
	let (request, _) = keys::ask(&client, &owner, id, message).await;
	let (sig, _) = keys::wait_signed(&client, request, Duration::from_secs(120)).await;
	let from = client.best_number().await;
	let signature = MultiSignature::Ed25519(ed25519::Signature::from_raw(sig));
	let xt = client.submit_signed(account.clone(), payload, signature).await;
	let inclusion = client
		.wait_for_inclusion(&xt, from, Duration::from_secs(60))
		.await
		.expect("the committee's transfer executes");
	assert!(inclusion.events.iter().any(|e| matches!(
		e,
		RuntimeEvent::Balances(pallet_balances::Event::Transfer { from, to, amount })
			if *from == account && *to == dave && *amount == 3 * UNIT
	)));
	assert_eq!(client.account(&dave).await.0, dave_before + 3 * UNIT);
	let (free, _, nonce) = client.account(&account).await;
	assert_eq!(nonce, 1);
	assert_eq!(free, 10 * UNIT - 3 * UNIT - inclusion.fee);

	// A member leaves: the key is refreshed without it, and still signs as Y.
	let leaver = members[2].account.clone();
	let pair = ["Alice", "Bob", "Charlie", "Dave", "Eve"]
		.into_iter()
		.map(|name| ed25519::Pair::from_string(&format!("//{name}"), None).expect("seed"))
		.find(|p| AccountId::from(p.public()) == leaver)
		.expect("a dev worker's account");
	let leave = RuntimeCall::Mpc(mpc_runtime::pallet_mpc::Call::leave_key { key: id });
	let from = client.best_number().await;
	let xt = client.submit_ed25519(&pair, leave).await;
	let left = client
		.wait_for_inclusion(&xt, from, Duration::from_secs(60))
		.await
		.expect("leave accepted");
	let (ids, refreshed) = keys::wait_refreshed(&client, id, 1, Duration::from_secs(180)).await;
	assert_eq!(ids, vec![1, 2, 4, 5], "member 3 left");
	println!(
		"refresh without a member: asked in block {}, refreshed by block {refreshed} ({} blocks, \
		 {:.0} s)",
		left.block,
		refreshed - left.block,
		client.seconds_between(left.block, refreshed).await
	);
	let message = b"signed after a refresh".to_vec();
	let (request, asked) = keys::ask(&client, &owner, id, message.clone()).await;
	let (sig, at) = keys::wait_signed(&client, request, Duration::from_secs(120)).await;
	println!("signature after the refresh: {} blocks", at - asked.block);
	assert!(keys::verifies(&y, &message, &sig), "the same key signs");
	let signers: Vec<u32> = keys::request(&client, request)
		.await
		.expect("request")
		.commitments
		.iter()
		.map(|(i, _)| i.get())
		.collect();
	assert!(!signers.contains(&3), "the member that left does not sign: {signers:?}");
}
