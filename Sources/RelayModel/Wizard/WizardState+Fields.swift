extension WizardState {
  /// The text fields of the step, in Tab order; on the provider step the list comes first.
  public var fields: [DialogField.Name] {
    switch step {
    case .provider:
      var result: [DialogField.Name] = []
      if currentGroup.provider.needsRegion { result.append(.region) }
      if currentGroup.provider.needsHost { result.append(.host) }
      return result + [.port]
    case .credentials: return [.user, .password]
    default: return []
    }
  }

  /// How many stops Tab cycles through: the provider list plus its fields, or the fields.
  var focusCount: Int { step == .provider ? fields.count + 1 : fields.count }

  /// The text field with the focus, if any.
  public var focusedField: DialogField.Name? {
    let list = fields
    let index = step == .provider ? focus - 1 : focus
    return index >= 0 && index < list.count ? list[index] : nil
  }

  public func field(_ id: DialogField.Name) -> DialogField {
    switch id {
    case .region: return currentGroup.region
    case .host: return currentGroup.host
    case .port: return currentGroup.port
    case .user: return currentGroup.user
    case .password: return currentGroup.password
    default: preconditionFailure("the wizard has no '\(id)' field; it asks region, host, port, user and password")
    }
  }

  /// The problem of a field as the admin types (hidden on an untouched, empty field).
  public func problem(_ id: DialogField.Name) -> String? {
    let problem: String?
    switch id {
    case .region: problem = currentGroup.regionProblem
    case .host: problem = currentGroup.hostProblem
    case .port: problem = currentGroup.portProblem
    case .user: problem = currentGroup.userProblem
    case .password: problem = currentGroup.passwordProblem
    default: problem = nil
    }
    let field = field(id)
    return showsAllProblems || field.isTouched || !field.text.isEmpty ? problem : nil
  }
}
