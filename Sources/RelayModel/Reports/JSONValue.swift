/// A JSON value whose objects keep their key order, so output reads in the documented order
/// (Foundation's encoders sort or scramble keys).
public indirect enum JSONValue: Equatable, Sendable {
  case null
  case bool(Bool)
  case int(Int)
  case string(String)
  case array([JSONValue])
  case object([(String, JSONValue)])

  public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
    lhs.rendered() == rhs.rendered()
  }

  public static func optional(_ s: String?) -> JSONValue { s.map(JSONValue.string) ?? .null }
  public static func strings(_ list: [String]?) -> JSONValue {
    list.map { .array($0.map(JSONValue.string)) } ?? .null
  }

  /// Pretty-printed with two-space indentation and a final newline.
  public func rendered() -> String {
    var out = ""
    write(into: &out, indent: 0)
    out.append("\n")
    return out
  }

  private func write(into out: inout String, indent: Int) {
    let pad = String(repeating: "  ", count: indent + 1)
    let closePad = String(repeating: "  ", count: indent)
    switch self {
    case .null: out += "null"
    case .bool(let b): out += b ? "true" : "false"
    case .int(let i): out += String(i)
    case .string(let s): Self.escape(s, into: &out)
    case .array(let items):
      if items.isEmpty { out += "[]"; return }
      out += "[\n"
      for (i, item) in items.enumerated() {
        out += pad
        item.write(into: &out, indent: indent + 1)
        out += i < items.count - 1 ? ",\n" : "\n"
      }
      out += closePad + "]"
    case .object(let members):
      if members.isEmpty { out += "{}"; return }
      out += "{\n"
      for (i, (key, value)) in members.enumerated() {
        out += pad
        Self.escape(key, into: &out)
        out += ": "
        value.write(into: &out, indent: indent + 1)
        out += i < members.count - 1 ? ",\n" : "\n"
      }
      out += closePad + "}"
    }
  }

  static func escape(_ s: String, into out: inout String) {
    out.append("\"")
    for scalar in s.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      default:
        if scalar.value < 0x20 {
          let hex = String(scalar.value, radix: 16)
          out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    out.append("\"")
  }
}
