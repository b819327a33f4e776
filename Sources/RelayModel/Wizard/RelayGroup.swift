/// One relay of the wizard: the provider, where it is (region, host, port), how to log in,
/// and — unless all mail goes through it — the sender domains routed there.
public struct RelayGroup: Hashable, Sendable {
  public var providerIndex: Int
  public var region: DialogField
  public var host: DialogField
  public var port: DialogField
  public var user: DialogField
  public var password: DialogField
  /// Show the password in clear (Ctrl-R).
  public var revealsPassword: Bool
  /// Picked on the domains step, in the order the files name them.
  public var domains: [String]

  public init(providerIndex: Int = 0) {
    let provider = Provider.all[providerIndex]
    self.providerIndex = providerIndex
    region = DialogField(.region, label: "Region")
    host = DialogField(.host, label: "Host")
    port = DialogField(.port, label: "Port", text: String(provider.port))
    user = DialogField(.user, label: "User name", text: provider.suggestedUsername)
    password = DialogField(.password, label: "Password", isSecret: true)
    revealsPassword = false
    domains = []
  }

  public var provider: Provider { Provider.all[providerIndex] }

  /// Moves to another preset; untouched suggestions follow it.
  mutating func select(_ index: Int) {
    providerIndex = index
    port.suggest(String(provider.port))
    user.suggest(provider.suggestedUsername)
  }

  // MARK: - Validation as you type

  public var regionProblem: String? {
    guard provider.needsRegion else { return nil }
    do { _ = try provider.host(region: region.text) } catch { return error.description }
    return nil
  }

  public var hostProblem: String? {
    guard provider.needsHost else { return nil }
    if host.text.isEmpty { return "enter the relay's host name" }
    do { try RelayEdit.validateHost(host.text) } catch { return error.description }
    return nil
  }

  public var portNumber: Int? { try? RelayEdit.parsePort(port.text) }

  /// Port 465 is refused with the reason: DMS never sets `smtp_tls_wrappermode` (spec §4).
  public var portProblem: String? {
    let number: Int
    do { number = try RelayEdit.parsePort(port.text) } catch { return error.description }
    if number == 465 {
      return "465 is implicit TLS, which DMS never configures (smtp_tls_wrappermode): Postfix would time out and defer all relayed mail. Use \(provider.port) (STARTTLS)"
    }
    return nil
  }

  public var userProblem: String? {
    if !user.text.isEmpty {
      do { try RelayEdit.validateUser(user.text) } catch { return error.description }
    } else if !password.text.isEmpty || provider.credentials == .required {
      return "enter the user name: \(provider.usernameHint)"
    }
    return nil
  }

  public var passwordProblem: String? {
    if !password.text.isEmpty {
      do { try RelayEdit.validatePassword(password.text) } catch { return error.description }
    } else if !user.text.isEmpty || provider.credentials == .required {
      return "enter the password: \(provider.passwordHint)"
    }
    return nil
  }

  public var locationProblem: String? { regionProblem ?? hostProblem ?? portProblem }
  public var credentialsProblem: String? { userProblem ?? passwordProblem }

  /// The relay, once the provider and credentials steps are valid.
  public var relay: Relay? {
    guard locationProblem == nil, credentialsProblem == nil else { return nil }
    return try? provider.relay(
      region: provider.needsRegion ? region.text : nil, host: provider.needsHost ? host.text : nil,
      port: portNumber, username: user.text.isEmpty ? nil : user.text,
      password: password.text.isEmpty ? nil : password.text)
  }
}
