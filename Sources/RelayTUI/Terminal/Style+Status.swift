import RelayModel

extension Style {
  /// How a status message is drawn, in the UI's status line and the wizard's message line.
  static func status(_ kind: StatusMessage.Kind) -> Style {
    switch kind {
    case .info: return .normal
    case .success: return .ok
    case .warning: return .warning
    case .error: return .error
    }
  }
}
