package output

import (
	"sync"

	"github.com/klauspost/compress/zstd"
	"github.com/parquet-go/parquet-go"
	"github.com/parquet-go/parquet-go/format"
)

// zstdCodec compresses Parquet pages exactly as parquet-go's own zstd codec
// (parquet.Zstd: default level, one goroutine per encoder, a frame even for
// an empty page, no checksum), but keeps its encoders for the whole run.
// parquet-go keeps them in a sync.Pool, which the collector empties: a long
// run then makes a new encoder, with a fresh history buffer of several MB,
// every few pages (48 MB allocated on 5,000 ANT articles). EncodeAll's
// output depends only on those settings, so the files are byte for byte the
// same.
type zstdCodec struct {
	mu   sync.Mutex
	idle []*zstd.Encoder
}

// pageCodec is shared by every Parquet writer of the process.
var pageCodec = &zstdCodec{}

func (c *zstdCodec) String() string                            { return parquet.Zstd.String() }
func (c *zstdCodec) CompressionCodec() format.CompressionCodec { return format.Zstd }

func (c *zstdCodec) Encode(dst, src []byte) ([]byte, error) {
	e, err := c.take()
	if err != nil {
		return nil, err
	}
	defer c.give(e)
	return e.EncodeAll(src, dst[:0]), nil
}

// Decode is parquet-go's (decoding is not on the writing path).
func (c *zstdCodec) Decode(dst, src []byte) ([]byte, error) { return parquet.Zstd.Decode(dst, src) }

func (c *zstdCodec) take() (*zstd.Encoder, error) {
	c.mu.Lock()
	if n := len(c.idle); n > 0 {
		e := c.idle[n-1]
		c.idle = c.idle[:n-1]
		c.mu.Unlock()
		return e, nil
	}
	c.mu.Unlock()
	// the options of parquet-go's zstd.Codec.Encode with its defaults
	return zstd.NewWriter(nil,
		zstd.WithEncoderConcurrency(1),
		zstd.WithEncoderLevel(parquet.Zstd.Level),
		zstd.WithZeroFrames(true),
		zstd.WithEncoderCRC(false),
	)
}

func (c *zstdCodec) give(e *zstd.Encoder) {
	c.mu.Lock()
	c.idle = append(c.idle, e)
	c.mu.Unlock()
}
