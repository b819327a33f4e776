import RelayModel

/// The icon and style of a severity, used in lists, panes and the status line.
enum Marker {
  static func icon(_ severity: Severity?) -> String {
    switch severity {
    case .error?: return "✖"
    case .warning?: return "▲"
    case .info?: return "ℹ"
    case nil: return " "
    }
  }

  static func style(_ severity: Severity?) -> Style {
    switch severity {
    case .error?: return .error
    case .warning?: return .warning
    case .info?: return .info
    case nil: return .normal
    }
  }

  static func span(_ severity: Severity?) -> [Span] { [Span(icon(severity), style(severity))] }
}
