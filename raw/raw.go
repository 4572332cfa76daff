// Package raw embeds the default input: the seed articles, byte for byte as
// received (see README.md in this folder). `khabar run` reads them when no
// --in is given.
package raw

import "embed"

// FS holds the default input articles.
//
//go:embed *.txt
var FS embed.FS
