/// Stable identifiers of every diagnostic (used in JSON, tests and docs).
public enum DiagnosticID: String, Sendable, Codable, CaseIterable {
  // Whole-setup failures
  case noCredentialsSmtpDies = "no-credentials-smtp-dies"
  case relayMapIgnored = "relay-map-ignored"
  case saslFileIgnored = "sasl-file-ignored"
  case envCredentialsUnused = "env-credentials-unused"
  case credentialsKeyedToDefaultRelay = "credentials-keyed-to-default-relay"
  case duplicateKey = "duplicate-key"
  // Relay map lines
  case missingFinalNewline = "missing-final-newline"
  case crlfLineEndings = "crlf-line-endings"
  case continuationLine = "continuation-line"
  case commentAsRelay = "comment-as-relay"
  case trailingComment = "trailing-comment"
  case unparseableRelay = "unparseable-relay"
  case keyWithoutValue = "key-without-value"
  case keyNotAnAddress = "key-not-an-address"
  case optOutNeedsRelayHost = "opt-out-needs-relay-host"
  case uppercaseKey = "uppercase-key"
  case prefixCollision = "prefix-collision"
  case regexCharacterInDomain = "regex-character-in-domain"
  // Domains
  case domainsGlued = "domains-glued"
  // Environment
  case relayHostHasPort = "relay-host-has-port"
  case halfEnvCredentials = "half-env-credentials"
  case ldapWithRelayHost = "ldap-with-relay-host"
  case relayFilesApplyAtRestart = "relay-files-apply-at-restart"
  case srsRewritesSender = "srs-rewrites-sender"
  case legacySaslPasswd = "legacy-sasl-passwd"
  // TLS and ports
  case port465 = "port-465"
  case encryptForcesDirectTLS = "encrypt-forces-direct-tls"
  // Credentials
  case unusedCredentials = "unused-credentials"
  case relayWithoutCredentials = "relay-without-credentials"
  case credentialsWithoutColon = "credentials-without-colon"
  case emptySaslUser = "empty-sasl-user"
  // Informational
  case inputsRewritten = "inputs-rewritten"
  case unknownFutureVersion = "unknown-future-version"
  case noRelayConfigured = "no-relay-configured"
  // Secrets from files (`VAR__FILE`, spec §10)
  case fileVariableIgnored = "file-variable-ignored"
  case fileVariableBlocked = "file-variable-blocked"
  case fileVariableMissing = "file-variable-missing"
  case fileVariableNotPreviewed = "file-variable-not-previewed"
  case fileCredentialsVanishOnChange = "file-credentials-vanish-on-change"
  // SRS and forwarded mail (spec §9)
  case srsPostsrsdNeverStarts = "srs-postsrsd-never-starts"
  case srsDomain = "srs-domain"
  case srsExcludeNeverMatches = "srs-exclude-never-matches"
  case forwardedMailSender = "forwarded-mail-sender"
  // Postfix's next-hop and table rules, mail nobody typed, credentials offered (issue 15
  // rules: spec §5, §11)
  case whitespaceLedLine = "whitespace-led-line"
  case nullSenderDirect = "null-sender-direct"
  case credentialsOfferedToMX = "credentials-offered-to-mx"
  case mxAuthDefers = "mx-auth-defers"
  // The admin's overrides: postfix-main.cf, postfix-master.cf, user-patches.sh (spec §8)
  case mainCfMissingEquals = "main-cf-missing-equals"
  case mainCfLeadingWhitespace = "main-cf-leading-whitespace"
  case overrideUndoneOnChange = "override-undone-on-change"
  case wrappermodeBelowEncrypt = "wrappermode-below-encrypt"
  case wrappermodeBreaksDirect = "wrappermode-breaks-direct"
  case overrideNamesMissingTable = "override-names-missing-table"
  case overrideDisablesRelayMap = "override-disables-relay-map"
  case unpreviewableSetting = "unpreviewable-setting"
  case userPatches = "user-patches"
  case transportMapRecipients = "transport-map-recipients"
  case transportMapWildcard = "transport-map-wildcard"

  public var defaultSeverity: Severity {
    switch self {
    case .noCredentialsSmtpDies, .relayMapIgnored, .saslFileIgnored, .duplicateKey, .continuationLine,
      .commentAsRelay, .unparseableRelay, .relayHostHasPort, .domainsGlued, .emptySaslUser, .whitespaceLedLine:
      return .error
    case .srsPostsrsdNeverStarts: return .error
    case .srsDomain, .forwardedMailSender: return .info
    case .mainCfMissingEquals, .wrappermodeBelowEncrypt, .wrappermodeBreaksDirect,
      .overrideNamesMissingTable:
      return .error
    case .userPatches, .transportMapRecipients: return .info
    case .inputsRewritten, .noRelayConfigured, .optOutNeedsRelayHost, .unknownFutureVersion, .relayFilesApplyAtRestart:
      return .info
    default:
      return .warning
    }
  }

  /// A short title for lists and help.
  public var title: String {
    switch self {
    case .noCredentialsSmtpDies: return "RELAY_HOST without credentials stops all outbound mail"
    case .relayMapIgnored: return "relay map ignored without RELAY_HOST"
    case .saslFileIgnored: return "credentials file ignored without RELAY_HOST"
    case .envCredentialsUnused: return "RELAY_USER/RELAY_PASSWORD unused with DEFAULT_RELAY_HOST"
    case .credentialsKeyedToDefaultRelay: return "env credentials keyed to DEFAULT_RELAY_HOST"
    case .duplicateKey: return "duplicate key defers all mail"
    case .missingFinalNewline: return "missing final newline glues lines"
    case .crlfLineEndings: return "CRLF line endings"
    case .continuationLine: return "indented line folds into the previous entry"
    case .commentAsRelay: return "comment used as relay value"
    case .trailingComment: return "trailing comment becomes part of the value"
    case .unparseableRelay: return "relay host does not parse"
    case .keyWithoutValue: return "key without value"
    case .keyNotAnAddress: return "key never matches a sender"
    case .optOutNeedsRelayHost: return "opt-out has no effect without RELAY_HOST"
    case .uppercaseKey: return "uppercase key (DMS compares case-sensitively)"
    case .prefixCollision: return "prefix or dot collision blocks a generated entry"
    case .regexCharacterInDomain: return "regex character in a domain"
    case .domainsGlued: return "domains glued across files"
    case .relayHostHasPort: return "RELAY_HOST contains a port or brackets"
    case .halfEnvCredentials: return "only one of RELAY_USER/RELAY_PASSWORD set"
    case .ldapWithRelayHost: return "LDAP provisioner with RELAY_HOST"
    case .relayFilesApplyAtRestart: return "relay file edits take effect at the next restart"
    case .srsRewritesSender: return "SRS rewrites senders"
    case .legacySaslPasswd: return "SASL_PASSWD only works on v11"
    case .port465: return "port 465 needs wrappermode"
    case .encryptForcesDirectTLS: return "encrypt applies to direct delivery"
    case .unusedCredentials: return "credentials no route uses"
    case .relayWithoutCredentials: return "relay without credentials"
    case .credentialsWithoutColon: return "credentials without ':'"
    case .emptySaslUser: return "credentials with an empty user"
    case .inputsRewritten: return "DMS rewrites this file at start"
    case .unknownFutureVersion: return "unknown DMS version"
    case .noRelayConfigured: return "no relay configured"
    case .fileVariableIgnored: return "__FILE variable ignored before 15.1"
    case .fileVariableBlocked: return "__FILE variable blocked by a set variable"
    case .fileVariableMissing: return "__FILE names a file that does not exist"
    case .fileVariableNotPreviewed: return "__FILE file cannot be previewed"
    case .fileCredentialsVanishOnChange: return "values read from files vanish on change detection"
    case .srsPostsrsdNeverStarts: return "a blank in an SRS variable stops postsrsd and all mail"
    case .srsDomain: return "the domain SRS rewrites senders to"
    case .srsExcludeNeverMatches: return "SRS_EXCLUDE_DOMAINS entry never matches"
    case .forwardedMailSender: return "forwarded mail keeps the original sender"
    case .whitespaceLedLine: return "indented line with no entry above is ignored"
    case .nullSenderDirect: return "bounces go direct while other mail is relayed"
    case .credentialsOfferedToMX: return "relay credentials offered to recipient MX hosts"
    case .mxAuthDefers: return "unusable credentials table defers direct mail at MX hosts with AUTH"
    case .mainCfMissingEquals: return "postfix-main.cf line without '=' empties main.cf"
    case .mainCfLeadingWhitespace: return "postfix-main.cf starts with an indented line"
    case .overrideUndoneOnChange: return "change detection undoes a postfix-main.cf setting"
    case .wrappermodeBelowEncrypt: return "wrappermode below encrypt defers all mail"
    case .wrappermodeBreaksDirect: return "wrappermode breaks direct delivery"
    case .overrideNamesMissingTable: return "override names a table DMS did not write"
    case .overrideDisablesRelayMap: return "override leaves relay map entries unused"
    case .unpreviewableSetting: return "a setting the preview cannot read"
    case .userPatches: return "user-patches.sh changes are not previewed"
    case .transportMapRecipients: return "transport_maps routes some recipients its own way"
    case .transportMapWildcard: return "transport_maps '*' also takes local mail"
    }
  }
}
