import RelayModel
import Testing

@testable import RelayTUI

@Suite("Styled report text on a terminal")
struct ANSITextTests {
  @Test("colour codes per style on a terminal; the plain text otherwise")
  func rendersStyles() {
    var text = StyledText()
    text.append("DMS", .bold)
    text.append(" ")
    text.append("relayed", .outcome(.relayed))
    text.append(" ")
    text.append("error", .severity(.error))
    text.append(" ")
    text.append("why", .dim)
    #expect(ANSIText.render(text, color: false) == "DMS relayed error why")
    #expect(
      ANSIText.render(text, color: true)
        == "\u{1B}[1mDMS\u{1B}[0m \u{1B}[32mrelayed\u{1B}[0m \u{1B}[31;1merror\u{1B}[0m \u{1B}[2mwhy\u{1B}[0m")
  }
}
