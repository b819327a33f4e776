/// Mail logs a real Postfix 3.7 wrote in the real-Postfix suite (`scripts/test-postfix --keep`),
/// one instance per case and version family; only the temp folder's name was shortened to `/srv/pf`.
enum RealPostfixLog {
  static let relayRequiresAuthV14 = #"""
    Dec 05 23:37:11 mail postfix/postfix-script[26002]: warning: /srv/pf/relay-requires-auth-v14p/queue/etc/hosts and /etc/hosts differ
    Dec 05 23:37:11 mail postfix/postfix-script[26006]: warning: /srv/pf/relay-requires-auth-v14p/queue/etc/resolv.conf and /etc/resolv.conf differ
    Dec 05 23:37:11 mail postfix/postfix-script[26008]: warning: /srv/pf/relay-requires-auth-v14p/queue/etc/nsswitch.conf and /etc/nsswitch.conf differ
    Dec 05 23:37:11 mail postfix/postfix-script[26011]: starting the Postfix mail system
    Dec 05 23:37:11 mail postfix/master[26013]: daemon started -- version 3.7.11, configuration /srv/pf/relay-requires-auth-v14p/conf
    Dec 05 23:37:11 mail postfix/pickup[26015]: 2F7FBF7E0C2: uid=0 from=<user@authed.test>
    Dec 05 23:37:11 mail postfix/cleanup[26022]: 2F7FBF7E0C2: message-id=<20261205233711.2F7FBF7E0C2@mail.harness.test>
    Dec 05 23:37:11 mail postfix/qmgr[26016]: 2F7FBF7E0C2: from=<user@authed.test>, size=365, nrcpt=1 (queue active)
    Dec 05 23:37:11 mail postfix/pickup[26015]: 39C1EF7E0BE: uid=0 from=<someone@unknown-sender.test>
    Dec 05 23:37:11 mail postfix/cleanup[26022]: 39C1EF7E0BE: message-id=<20261205233711.39C1EF7E0BE@mail.harness.test>
    Dec 05 23:37:11 mail postfix/qmgr[26016]: 39C1EF7E0BE: from=<someone@unknown-sender.test>, size=387, nrcpt=1 (queue active)
    Dec 05 23:37:11 mail postfix/pickup[26015]: 3B3EAF7E0C0: uid=0 from=<user@open.test>
    Dec 05 23:37:11 mail postfix/cleanup[26022]: 3B3EAF7E0C0: message-id=<20261205233711.3B3EAF7E0C0@mail.harness.test>
    Dec 05 23:37:11 mail postfix/qmgr[26016]: 3B3EAF7E0C0: from=<user@open.test>, size=361, nrcpt=1 (queue active)
    Dec 05 23:37:11 mail postfix/pickup[26015]: 3C4A2F7E0BF: uid=0 from=<user@strict.test>
    Dec 05 23:37:11 mail postfix/cleanup[26022]: 3C4A2F7E0BF: message-id=<20261205233711.3C4A2F7E0BF@mail.harness.test>
    Dec 05 23:37:11 mail postfix/qmgr[26016]: 3C4A2F7E0BF: from=<user@strict.test>, size=365, nrcpt=1 (queue active)
    Dec 05 23:37:11 mail postfix/smtp[26037]: 2F7FBF7E0C2: to=<t0.v15.relay-requires-auth@recipient.test>, relay=smtp.strict.test[127.128.1.25]:587, delay=0.24, delays=0.07/0.12/0.05/0, dsn=2.0.0, status=sent (250 2.0.0 Ok: queued)
    Dec 05 23:37:11 mail postfix/qmgr[26016]: 2F7FBF7E0C2: removed
    Dec 05 23:37:11 mail postfix/smtp[26046]: 39C1EF7E0BE: to=<t3.v15.relay-requires-auth@recipient.test>, relay=mx.recipient.test[127.128.2.25]:25, delay=0.19, delays=0.02/0.11/0.05/0, dsn=2.0.0, status=sent (250 2.0.0 Ok: queued)
    Dec 05 23:37:11 mail postfix/qmgr[26016]: 39C1EF7E0BE: removed
    Dec 05 23:37:11 mail postfix/smtp[26048]: 3B3EAF7E0C0: to=<t1.v15.relay-requires-auth@recipient.test>, relay=smtp.default.test[127.128.1.15]:25, delay=0.25, delays=0.07/0.12/0.05/0, dsn=2.0.0, status=sent (250 2.0.0 Ok: queued)
    Dec 05 23:37:11 mail postfix/qmgr[26016]: 3B3EAF7E0C0: removed
    Dec 05 23:37:11 mail postfix/smtp[26050]: 3C4A2F7E0BF: to=<t2.v15.relay-requires-auth@recipient.test>, relay=smtp.strict.test[127.128.1.25]:587, delay=0.23, delays=0.05/0.13/0.05/0, dsn=5.7.0, status=bounced (host smtp.strict.test[127.128.1.25] said: 530 5.7.0 Authentication required (in reply to MAIL FROM command))
    Dec 05 23:37:11 mail postfix/cleanup[26022]: 690C8F7E0D8: message-id=<20261205233711.690C8F7E0D8@mail.harness.test>
    Dec 05 23:37:11 mail postfix/qmgr[26016]: 690C8F7E0D8: from=<>, size=2444, nrcpt=1 (queue active)
    Dec 05 23:37:11 mail postfix/bounce[26056]: 3C4A2F7E0BF: sender non-delivery notification: 690C8F7E0D8
    Dec 05 23:37:11 mail postfix/qmgr[26016]: 3C4A2F7E0BF: removed
    Dec 05 23:37:11 mail postfix/smtp[26037]: 690C8F7E0D8: to=<user@strict.test>, relay=none, delay=0, delays=0/0/0/0, dsn=5.4.4, status=bounced (Host or domain name not found. Name service error for name=strict.test type=A: Host not found)
    Dec 05 23:37:11 mail postfix/qmgr[26016]: 690C8F7E0D8: removed
    """#

  static let relayHostNoCredentialsV1213 = #"""
    Dec 05 23:37:06 mail postfix/postfix-script[24975]: warning: /srv/pf/relay-host-no-credentials-v12-13/queue/etc/hosts and /etc/hosts differ
    Dec 05 23:37:06 mail postfix/postfix-script[24981]: warning: /srv/pf/relay-host-no-credentials-v12-13/queue/etc/resolv.conf and /etc/resolv.conf differ
    Dec 05 23:37:06 mail postfix/postfix-script[24987]: warning: /srv/pf/relay-host-no-credentials-v12-13/queue/etc/nsswitch.conf and /etc/nsswitch.conf differ
    Dec 05 23:37:06 mail postfix/postfix-script[24998]: starting the Postfix mail system
    Dec 05 23:37:06 mail postfix/master[25001]: daemon started -- version 3.7.11, configuration /srv/pf/relay-host-no-credentials-v12-13/conf
    Dec 05 23:37:06 mail postfix/pickup[25003]: 3F8ABF7C587: uid=0 from=<user@example.test>
    Dec 05 23:37:06 mail postfix/cleanup[25020]: 3F8ABF7C587: message-id=<20261205233706.3F8ABF7C587@mail.harness.test>
    Dec 05 23:37:06 mail postfix/qmgr[25004]: 3F8ABF7C587: from=<user@example.test>, size=373, nrcpt=1 (queue active)
    Dec 05 23:37:06 mail postfix/smtp[25025]: fatal: specify a password table via the `smtp_sasl_password_maps' configuration parameter
    Dec 05 23:37:06 mail postfix/pickup[25003]: 4B968F7C589: uid=0 from=<someone@unknown-sender.test>
    Dec 05 23:37:06 mail postfix/cleanup[25020]: 4B968F7C589: message-id=<20261205233706.4B968F7C589@mail.harness.test>
    Dec 05 23:37:06 mail postfix/qmgr[25004]: 4B968F7C589: from=<someone@unknown-sender.test>, size=393, nrcpt=1 (queue active)
    Dec 05 23:37:07 mail postfix/master[25001]: warning: process /usr/lib/postfix/sbin/smtp pid 25025 exit status 1
    Dec 05 23:37:07 mail postfix/master[25001]: warning: /usr/lib/postfix/sbin/smtp: bad command startup -- throttling
    """#

  static let duplicateKeysV14 = #"""
    Dec 05 23:37:03 mail postfix/postfix-script[24202]: warning: /srv/pf/duplicate-keys-v14p/queue/etc/hosts and /etc/hosts differ
    Dec 05 23:37:03 mail postfix/postfix-script[24205]: warning: /srv/pf/duplicate-keys-v14p/queue/etc/resolv.conf and /etc/resolv.conf differ
    Dec 05 23:37:03 mail postfix/postfix-script[24208]: warning: /srv/pf/duplicate-keys-v14p/queue/etc/nsswitch.conf and /etc/nsswitch.conf differ
    Dec 05 23:37:03 mail postfix/postfix-script[24214]: starting the Postfix mail system
    Dec 05 23:37:03 mail postfix/master[24216]: daemon started -- version 3.7.11, configuration /srv/pf/duplicate-keys-v14p/conf
    Dec 05 23:37:03 mail postfix/pickup[24221]: 4146BF7C48F: uid=0 from=<user@a.test>
    Dec 05 23:37:03 mail postfix/trivial-rewrite[24247]: error: /srv/pf/duplicate-keys-v14p/tables/relayhost_map, line 2: duplicate entry: "@A.TEST"
    Dec 05 23:37:03 mail postfix/cleanup[24245]: 4146BF7C48F: message-id=<20261205233703.4146BF7C48F@mail.harness.test>
    Dec 05 23:37:03 mail postfix/qmgr[24222]: 4146BF7C48F: from=<user@a.test>, size=350, nrcpt=1 (queue active)
    Dec 05 23:37:03 mail postfix/trivial-rewrite[24247]: warning: texthash:/srv/pf/duplicate-keys-v14p/tables/relayhost_map is unavailable. /srv/pf/duplicate-keys-v14p/tables/relayhost_map, line 2: duplicate entry: "@A.TEST"
    Dec 05 23:37:03 mail postfix/trivial-rewrite[24247]: warning: texthash:/srv/pf/duplicate-keys-v14p/tables/relayhost_map lookup error for "user@a.test"
    Dec 05 23:37:03 mail postfix/trivial-rewrite[24247]: warning: sender_dependent_relayhost_maps lookup failure
    Dec 05 23:37:03 mail postfix/pickup[24221]: 4ECA1F7C476: uid=0 from=<user@b.test>
    Dec 05 23:37:03 mail postfix/cleanup[24245]: 4ECA1F7C476: message-id=<20261205233703.4ECA1F7C476@mail.harness.test>
    Dec 05 23:37:03 mail postfix/pickup[24221]: 50CD7F7C490: uid=0 from=<someone@unknown-sender.test>
    Dec 05 23:37:03 mail postfix/cleanup[24245]: 50CD7F7C490: message-id=<20261205233703.50CD7F7C490@mail.harness.test>
    Dec 05 23:37:03 mail postfix/qmgr[24222]: 50CD7F7C490: from=<someone@unknown-sender.test>, size=382, nrcpt=1 (queue active)
    Dec 05 23:37:03 mail postfix/trivial-rewrite[24247]: warning: texthash:/srv/pf/duplicate-keys-v14p/tables/relayhost_map is unavailable. /srv/pf/duplicate-keys-v14p/tables/relayhost_map, line 2: duplicate entry: "@A.TEST"
    Dec 05 23:37:03 mail postfix/trivial-rewrite[24247]: warning: texthash:/srv/pf/duplicate-keys-v14p/tables/relayhost_map lookup error for "someone@unknown-sender.test"
    Dec 05 23:37:03 mail postfix/trivial-rewrite[24247]: warning: sender_dependent_relayhost_maps lookup failure
    Dec 05 23:37:03 mail postfix/qmgr[24222]: 4ECA1F7C476: from=<user@b.test>, size=350, nrcpt=1 (queue active)
    Dec 05 23:37:03 mail postfix/error[24260]: 4146BF7C48F: to=<t0.v15.duplicate-keys@recipient.test>, relay=none, delay=0.1, delays=0.08/0.01/0/0.02, dsn=4.3.0, status=deferred (address resolver failure)
    Dec 05 23:37:03 mail postfix/trivial-rewrite[24247]: warning: texthash:/srv/pf/duplicate-keys-v14p/tables/relayhost_map is unavailable. /srv/pf/duplicate-keys-v14p/tables/relayhost_map, line 2: duplicate entry: "@A.TEST"
    Dec 05 23:37:03 mail postfix/trivial-rewrite[24247]: warning: texthash:/srv/pf/duplicate-keys-v14p/tables/relayhost_map lookup error for "user@b.test"
    Dec 05 23:37:03 mail postfix/trivial-rewrite[24247]: warning: sender_dependent_relayhost_maps lookup failure
    Dec 05 23:37:03 mail postfix/error[24260]: 50CD7F7C490: to=<t2.v15.duplicate-keys@recipient.test>, relay=none, delay=0.06, delays=0.04/0.01/0/0.01, dsn=4.3.0, status=deferred (address resolver failure)
    Dec 05 23:37:03 mail postfix/error[24264]: 4ECA1F7C476: to=<t1.v15.duplicate-keys@recipient.test>, relay=none, delay=0.1, delays=0.07/0.02/0/0.01, dsn=4.3.0, status=deferred (address resolver failure)
    """#

  static let commentRelayValueV14 = #"""
    Dec 05 23:36:58 mail postfix/postfix-script[23073]: warning: /srv/pf/comment-relay-value-v14p/queue/etc/hosts and /etc/hosts differ
    Dec 05 23:36:58 mail postfix/postfix-script[23075]: warning: /srv/pf/comment-relay-value-v14p/queue/etc/resolv.conf and /etc/resolv.conf differ
    Dec 05 23:36:58 mail postfix/postfix-script[23077]: warning: /srv/pf/comment-relay-value-v14p/queue/etc/nsswitch.conf and /etc/nsswitch.conf differ
    Dec 05 23:36:58 mail postfix/postfix-script[23080]: starting the Postfix mail system
    Dec 05 23:36:58 mail postfix/master[23082]: daemon started -- version 3.7.11, configuration /srv/pf/comment-relay-value-v14p/conf
    Dec 05 23:36:58 mail postfix/pickup[23084]: 4F334F7C335: uid=0 from=<user@ok.test>
    Dec 05 23:36:58 mail postfix/cleanup[23092]: 4F334F7C335: message-id=<20261205233658.4F334F7C335@mail.harness.test>
    Dec 05 23:36:58 mail postfix/qmgr[23085]: 4F334F7C335: from=<user@ok.test>, size=357, nrcpt=1 (queue active)
    Dec 05 23:36:58 mail postfix/pickup[23084]: 5A7DFF7C332: uid=0 from=<someone@unknown-sender.test>
    Dec 05 23:36:58 mail postfix/cleanup[23092]: 5A7DFF7C332: message-id=<20261205233658.5A7DFF7C332@mail.harness.test>
    Dec 05 23:36:58 mail postfix/qmgr[23085]: 5A7DFF7C332: from=<someone@unknown-sender.test>, size=387, nrcpt=1 (queue active)
    Dec 05 23:36:58 mail postfix/pickup[23084]: 5D9EEF7C336: uid=0 from=<user@plain.test>
    Dec 05 23:36:58 mail postfix/cleanup[23092]: 5D9EEF7C336: message-id=<20261205233658.5D9EEF7C336@mail.harness.test>
    Dec 05 23:36:58 mail postfix/qmgr[23085]: 5D9EEF7C336: from=<user@plain.test>, size=363, nrcpt=1 (queue active)
    Dec 05 23:36:58 mail postfix/smtp[23100]: 4F334F7C335: to=<t0.v15.comment-relay-value@recipient.test>, relay=smtp.ok.test[127.128.1.21]:587, delay=0.21, delays=0.07/0.05/0.09/0, dsn=2.0.0, status=sent (250 2.0.0 Ok: queued)
    Dec 05 23:36:58 mail postfix/qmgr[23085]: 4F334F7C335: removed
    Dec 05 23:36:58 mail postfix/smtp[23105]: 5A7DFF7C332: to=<t3.v15.comment-relay-value@recipient.test>, relay=mx.recipient.test[127.128.2.25]:25, delay=0.15, delays=0.04/0.02/0.09/0, dsn=2.0.0, status=sent (250 2.0.0 Ok: queued)
    Dec 05 23:36:58 mail postfix/qmgr[23085]: 5A7DFF7C332: removed
    Dec 05 23:36:58 mail postfix/smtp[23108]: 5D9EEF7C336: to=<t2.v15.comment-relay-value@recipient.test>, relay=smtp.default.test[127.128.1.15]:25, delay=0.18, delays=0.07/0.06/0.05/0, dsn=2.0.0, status=sent (250 2.0.0 Ok: queued)
    Dec 05 23:36:58 mail postfix/qmgr[23085]: 5D9EEF7C336: removed
    Dec 05 23:36:58 mail postfix/pickup[23084]: 989C9F7C333: uid=0 from=<user@pending.test>
    Dec 05 23:36:58 mail postfix/cleanup[23092]: 989C9F7C333: message-id=<20261205233658.989C9F7C333@mail.harness.test>
    Dec 05 23:36:58 mail postfix/qmgr[23085]: 989C9F7C333: from=<user@pending.test>, size=367, nrcpt=1 (queue active)
    Dec 05 23:36:58 mail postfix/smtp[23100]: fatal: valid hostname or network address required in server description: #
    Dec 05 23:36:59 mail postfix/qmgr[23085]: warning: private/smtp socket: malformed response
    Dec 05 23:36:59 mail postfix/master[23082]: warning: process /usr/lib/postfix/sbin/smtp pid 23100 exit status 1
    """#

  static let saslKeyFormsV14 = #"""
    Dec 05 23:37:13 mail postfix/postfix-script[26616]: warning: /srv/pf/sasl-key-forms-v14p/queue/etc/hosts and /etc/hosts differ
    Dec 05 23:37:13 mail postfix/postfix-script[26618]: warning: /srv/pf/sasl-key-forms-v14p/queue/etc/resolv.conf and /etc/resolv.conf differ
    Dec 05 23:37:13 mail postfix/postfix-script[26623]: warning: /srv/pf/sasl-key-forms-v14p/queue/etc/nsswitch.conf and /etc/nsswitch.conf differ
    Dec 05 23:37:13 mail postfix/postfix-script[26626]: starting the Postfix mail system
    Dec 05 23:37:14 mail postfix/master[26628]: daemon started -- version 3.7.11, configuration /srv/pf/sasl-key-forms-v14p/conf
    Dec 05 23:37:14 mail postfix/pickup[26629]: 10925F7E166: uid=0 from=<user@bracket.test>
    Dec 05 23:37:14 mail postfix/cleanup[26637]: 10925F7E166: message-id=<20261205233714.10925F7E166@mail.harness.test>
    Dec 05 23:37:14 mail postfix/qmgr[26630]: 10925F7E166: from=<user@bracket.test>, size=362, nrcpt=1 (queue active)
    Dec 05 23:37:14 mail postfix/pickup[26629]: 17FB7F7E163: uid=0 from=<user@exact.test>
    Dec 05 23:37:14 mail postfix/cleanup[26637]: 17FB7F7E163: message-id=<20261205233714.17FB7F7E163@mail.harness.test>
    Dec 05 23:37:14 mail postfix/qmgr[26630]: 17FB7F7E163: from=<user@exact.test>, size=358, nrcpt=1 (queue active)
    Dec 05 23:37:14 mail postfix/pickup[26629]: 1864EF7E164: uid=0 from=<user@hostkey.test>
    Dec 05 23:37:14 mail postfix/cleanup[26637]: 1864EF7E164: message-id=<20261205233714.1864EF7E164@mail.harness.test>
    Dec 05 23:37:14 mail postfix/qmgr[26630]: 1864EF7E164: from=<user@hostkey.test>, size=362, nrcpt=1 (queue active)
    Dec 05 23:37:14 mail postfix/pickup[26629]: 2116DF7E16A: uid=0 from=<user@other.test>
    Dec 05 23:37:14 mail postfix/cleanup[26637]: 2116DF7E16A: message-id=<20261205233714.2116DF7E16A@mail.harness.test>
    Dec 05 23:37:14 mail postfix/pickup[26629]: 21F02F7E168: uid=0 from=<user@sender.test>
    Dec 05 23:37:14 mail postfix/cleanup[26637]: 21F02F7E168: message-id=<20261205233714.21F02F7E168@mail.harness.test>
    Dec 05 23:37:14 mail postfix/qmgr[26630]: 2116DF7E16A: from=<user@other.test>, size=358, nrcpt=1 (queue active)
    Dec 05 23:37:14 mail postfix/qmgr[26630]: 21F02F7E168: from=<user@sender.test>, size=360, nrcpt=1 (queue active)
    Dec 05 23:37:14 mail postfix/smtp[26643]: 10925F7E166: to=<t0.v15.sasl-key-forms@recipient.test>, relay=smtp.bracket.test[127.128.1.11]:587, delay=0.17, delays=0.04/0.07/0.05/0, dsn=2.0.0, status=sent (250 2.0.0 Ok: queued)
    Dec 05 23:37:14 mail postfix/qmgr[26630]: 10925F7E166: removed
    Dec 05 23:37:14 mail postfix/smtp[26652]: 17FB7F7E163: to=<t2.v15.sasl-key-forms@recipient.test>, relay=smtp.exact.test[127.128.1.17]:2525, delay=0.17, delays=0.04/0.08/0.05/0, dsn=2.0.0, status=sent (250 2.0.0 Ok: queued)
    Dec 05 23:37:14 mail postfix/qmgr[26630]: 17FB7F7E163: removed
    Dec 05 23:37:14 mail postfix/pickup[26629]: 36A5CF7E166: uid=0 from=<user+probe@sender.test>
    Dec 05 23:37:14 mail postfix/cleanup[26637]: 36A5CF7E166: message-id=<20261205233714.36A5CF7E166@mail.harness.test>
    Dec 05 23:37:14 mail postfix/qmgr[26630]: 36A5CF7E166: from=<user+probe@sender.test>, size=372, nrcpt=1 (queue active)
    Dec 05 23:37:14 mail postfix/smtp[26658]: 1864EF7E164: to=<t3.v15.sasl-key-forms@recipient.test>, relay=smtp.hostkey.test[127.128.1.19]:587, delay=0.16, delays=0.02/0.09/0.05/0, dsn=2.0.0, status=sent (250 2.0.0 Ok: queued)
    Dec 05 23:37:14 mail postfix/qmgr[26630]: 1864EF7E164: removed
    Dec 05 23:37:14 mail postfix/pickup[26629]: 3AE84F7E164: uid=0 from=<someone@unknown-sender.test>
    Dec 05 23:37:14 mail postfix/cleanup[26637]: 3AE84F7E164: message-id=<20261205233714.3AE84F7E164@mail.harness.test>
    Dec 05 23:37:14 mail postfix/qmgr[26630]: 3AE84F7E164: from=<someone@unknown-sender.test>, size=382, nrcpt=1 (queue active)
    Dec 05 23:37:14 mail postfix/smtp[26643]: 2116DF7E16A: to=<t4.v15.sasl-key-forms@recipient.test>, relay=smtp.default.test[127.128.1.15]:25, delay=0.17, delays=0.04/0.07/0.06/0, dsn=2.0.0, status=sent (250 2.0.0 Ok: queued)
    Dec 05 23:37:14 mail postfix/qmgr[26630]: 2116DF7E16A: removed
    Dec 05 23:37:14 mail postfix/smtp[26652]: 21F02F7E168: to=<t5.v15.sasl-key-forms@recipient.test>, relay=smtp.sender.test[127.128.1.24]:587, delay=0.15, delays=0.01/0.08/0.05/0, dsn=2.0.0, status=sent (250 2.0.0 Ok: queued)
    Dec 05 23:37:14 mail postfix/qmgr[26630]: 21F02F7E168: removed
    Dec 05 23:37:14 mail postfix/smtp[26660]: 36A5CF7E166: to=<t6.v15.sasl-key-forms@recipient.test>, relay=smtp.sender.test[127.128.1.24]:587, delay=0.08, delays=0.03/0/0.05/0, dsn=2.0.0, status=sent (250 2.0.0 Ok: queued)
    Dec 05 23:37:14 mail postfix/qmgr[26630]: 36A5CF7E166: removed
    Dec 05 23:37:14 mail postfix/smtp[26658]: 3AE84F7E164: to=<t7.v15.sasl-key-forms@recipient.test>, relay=mx.recipient.test[127.128.2.25]:25, delay=0.08, delays=0.02/0/0.05/0, dsn=2.0.0, status=sent (250 2.0.0 Ok: queued)
    Dec 05 23:37:14 mail postfix/qmgr[26630]: 3AE84F7E164: removed
    Dec 05 23:37:14 mail postfix/pickup[26629]: 78CBFF7E166: uid=0 from=<user@emptyuser.test>
    Dec 05 23:37:14 mail postfix/cleanup[26637]: 78CBFF7E166: message-id=<20261205233714.78CBFF7E166@mail.harness.test>
    Dec 05 23:37:14 mail postfix/qmgr[26630]: 78CBFF7E166: from=<user@emptyuser.test>, size=366, nrcpt=1 (queue active)
    Dec 05 23:37:14 mail postfix/smtp[26643]: warning: SASL authentication failure: All-whitespace username.
    Dec 05 23:37:14 mail postfix/smtp[26643]: 78CBFF7E166: to=<t1.v15.sasl-key-forms@recipient.test>, relay=smtp.exact.test[127.128.1.17]:2525, delay=0.06, delays=0.01/0/0.05/0, dsn=4.7.0, status=deferred (SASL authentication failed; cannot authenticate to server smtp.exact.test[127.128.1.17]: generic failure)
    """#

  static let implicitTls465V14 = #"""
    Dec 05 23:37:05 mail postfix/postfix-script[24649]: warning: /srv/pf/implicit-tls-465-v14p/queue/etc/hosts and /etc/hosts differ
    Dec 05 23:37:05 mail postfix/postfix-script[24651]: warning: /srv/pf/implicit-tls-465-v14p/queue/etc/resolv.conf and /etc/resolv.conf differ
    Dec 05 23:37:05 mail postfix/postfix-script[24654]: warning: /srv/pf/implicit-tls-465-v14p/queue/etc/nsswitch.conf and /etc/nsswitch.conf differ
    Dec 05 23:37:05 mail postfix/postfix-script[24657]: starting the Postfix mail system
    Dec 05 23:37:05 mail postfix/master[24659]: daemon started -- version 3.7.11, configuration /srv/pf/implicit-tls-465-v14p/conf
    Dec 05 23:37:05 mail postfix/pickup[24660]: 1E8A1F7C52D: uid=0 from=<user@plain.test>
    Dec 05 23:37:05 mail postfix/cleanup[24669]: 1E8A1F7C52D: message-id=<20261205233705.1E8A1F7C52D@mail.harness.test>
    Dec 05 23:37:05 mail postfix/qmgr[24661]: 1E8A1F7C52D: from=<user@plain.test>, size=360, nrcpt=1 (queue active)
    Dec 05 23:37:05 mail postfix/pickup[24660]: 270F2F7C52A: uid=0 from=<someone@unknown-sender.test>
    Dec 05 23:37:05 mail postfix/cleanup[24669]: 270F2F7C52A: message-id=<20261205233705.270F2F7C52A@mail.harness.test>
    Dec 05 23:37:05 mail postfix/qmgr[24661]: 270F2F7C52A: from=<someone@unknown-sender.test>, size=384, nrcpt=1 (queue active)
    Dec 05 23:37:05 mail postfix/smtp[24677]: 1E8A1F7C52D: to=<t0.v15.implicit-tls-465@recipient.test>, relay=mx.recipient.test[127.128.2.25]:25, delay=0.22, delays=0.07/0.09/0.06/0, dsn=2.0.0, status=sent (250 2.0.0 Ok: queued)
    Dec 05 23:37:05 mail postfix/qmgr[24661]: 1E8A1F7C52D: removed
    Dec 05 23:37:05 mail postfix/smtp[24681]: 270F2F7C52A: to=<t2.v15.implicit-tls-465@recipient.test>, relay=mx.recipient.test[127.128.2.25]:25, delay=0.24, delays=0.06/0.11/0.06/0.01, dsn=2.0.0, status=sent (250 2.0.0 Ok: queued)
    Dec 05 23:37:05 mail postfix/qmgr[24661]: 270F2F7C52A: removed
    Dec 05 23:37:05 mail postfix/pickup[24660]: 93757F7C52D: uid=0 from=<user@tls.test>
    Dec 05 23:37:05 mail postfix/cleanup[24669]: 93757F7C52D: message-id=<20261205233705.93757F7C52D@mail.harness.test>
    Dec 05 23:37:05 mail postfix/qmgr[24661]: 93757F7C52D: from=<user@tls.test>, size=356, nrcpt=1 (queue active)
    Dec 05 23:37:05 mail postfix/smtp[24677]: SMTPS wrappermode (TCP port 465) requires setting "smtp_tls_wrappermode = yes", and "smtp_tls_security_level = encrypt" (or stronger)
    Dec 05 23:37:08 mail postfix/smtp[24677]: 93757F7C52D: to=<t1.v15.implicit-tls-465@recipient.test>, relay=smtp.implicit.test[127.128.1.20]:465, delay=3, delays=0.03/0/3/0, dsn=4.4.2, status=deferred (lost connection with smtp.implicit.test[127.128.1.20] while receiving the initial server greeting)
    """#

  static let saslDuplicateEnvKeyV14 = #"""
    Dec 05 23:37:13 mail postfix/postfix-script[26428]: warning: /srv/pf/sasl-duplicate-env-key-v14p/queue/etc/hosts and /etc/hosts differ
    Dec 05 23:37:13 mail postfix/postfix-script[26432]: warning: /srv/pf/sasl-duplicate-env-key-v14p/queue/etc/resolv.conf and /etc/resolv.conf differ
    Dec 05 23:37:13 mail postfix/postfix-script[26434]: warning: /srv/pf/sasl-duplicate-env-key-v14p/queue/etc/nsswitch.conf and /etc/nsswitch.conf differ
    Dec 05 23:37:13 mail postfix/postfix-script[26439]: starting the Postfix mail system
    Dec 05 23:37:13 mail postfix/master[26443]: daemon started -- version 3.7.11, configuration /srv/pf/sasl-duplicate-env-key-v14p/conf
    Dec 05 23:37:13 mail postfix/pickup[26448]: 58F26F7E130: uid=0 from=<someone@unknown-sender.test>
    Dec 05 23:37:13 mail postfix/cleanup[26459]: 58F26F7E130: message-id=<20261205233713.58F26F7E130@mail.harness.test>
    Dec 05 23:37:13 mail postfix/qmgr[26449]: 58F26F7E130: from=<someone@unknown-sender.test>, size=390, nrcpt=1 (queue active)
    Dec 05 23:37:13 mail postfix/smtp[26463]: error: /srv/pf/sasl-duplicate-env-key-v14p/tables/sasl_passwd, line 2: duplicate entry: "[smtp.relay.test]:587"
    Dec 05 23:37:13 mail postfix/smtp[26463]: 58F26F7E130: to=<t1.v15.sasl-duplicate-env-key@recipient.test>, relay=mx.recipient.test[127.128.2.25]:25, delay=0.12, delays=0.04/0.03/0.05/0, dsn=2.0.0, status=sent (250 2.0.0 Ok: queued)
    Dec 05 23:37:13 mail postfix/qmgr[26449]: 58F26F7E130: removed
    Dec 05 23:37:13 mail postfix/pickup[26448]: 956E3F7E137: uid=0 from=<user@example.test>
    Dec 05 23:37:13 mail postfix/cleanup[26459]: 956E3F7E137: message-id=<20261205233713.956E3F7E137@mail.harness.test>
    Dec 05 23:37:13 mail postfix/qmgr[26449]: 956E3F7E137: from=<user@example.test>, size=370, nrcpt=1 (queue active)
    Dec 05 23:37:13 mail postfix/smtp[26463]: warning: texthash:/srv/pf/sasl-duplicate-env-key-v14p/tables/sasl_passwd is unavailable. /srv/pf/sasl-duplicate-env-key-v14p/tables/sasl_passwd, line 2: duplicate entry: "[smtp.relay.test]:587"
    Dec 05 23:37:13 mail postfix/smtp[26463]: warning: texthash:/srv/pf/sasl-duplicate-env-key-v14p/tables/sasl_passwd lookup error for "user@example.test"
    Dec 05 23:37:13 mail postfix/smtp[26463]: warning: 956E3F7E137: smtp_sasl_password_maps lookup error
    Dec 05 23:37:13 mail postfix/smtp[26463]: 956E3F7E137: to=<t0.v15.sasl-duplicate-env-key@recipient.test>, relay=smtp.relay.test[127.128.1.23]:587, delay=0.07, delays=0.01/0/0.06/0, dsn=4.3.0, status=deferred (local data error while talking to smtp.relay.test[127.128.1.23])
    """#
}
