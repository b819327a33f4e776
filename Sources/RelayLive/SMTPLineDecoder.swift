import NIOCore

/// Splits the server's bytes into lines (CRLF or LF), refusing any line longer than
/// `maximumLength`: a relay (or anything listening on its port) that sends a 10 MB line
/// costs at most `maximumLength` plus one read of memory, never the whole line.
struct SMTPLineDecoder: ByteToMessageDecoder {
  typealias InboundOut = ByteBuffer

  let maximumLength: Int

  mutating func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
    guard let newline = buffer.readableBytesView.firstIndex(of: UInt8(ascii: "\n")) else {
      if buffer.readableBytes > maximumLength { throw SMTPClientError.lineTooLong(maximumLength: maximumLength) }
      return .needMoreData
    }
    var length = newline - buffer.readerIndex
    guard length <= maximumLength + 1 else { throw SMTPClientError.lineTooLong(maximumLength: maximumLength) }
    if length > 0, buffer.getInteger(at: newline - 1, as: UInt8.self) == UInt8(ascii: "\r") { length -= 1 }
    let line = buffer.getSlice(at: buffer.readerIndex, length: length)!
    buffer.moveReaderIndex(to: newline + 1)
    context.fireChannelRead(wrapInboundOut(line))
    return .continue
  }

  mutating func decodeLast(context: ChannelHandlerContext, buffer: inout ByteBuffer, seenEOF: Bool) throws
    -> DecodingState
  {
    while try decode(context: context, buffer: &buffer) == .continue {}
    // An unterminated last line is dropped: the server closed mid-reply.
    buffer.moveReaderIndex(to: buffer.writerIndex)
    return .needMoreData
  }
}
