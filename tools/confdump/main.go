// confdump prints what nats-server's own conf package makes of a configuration file, as JSON in
// the canonical, type-tagged form the conformance suite compares against (docs/conformance.md).
//
//	{"ok":true,"value":V} or {"ok":false,"error":"..."}
//	V: map -> object (keys sorted), array -> array, int64 -> {"int":"<decimal>"},
//	   float64 -> {"float":"<shortest 'g' form>"}, bool, string, time.Time -> {"time":"<RFC3339>"}
//
// It is built in GOPATH mode against Debian's golang-github-nats-io-nats-server-dev sources, which
// live under the import path without /v2 (see scripts/build-confdump.sh).
package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"runtime/debug"
	"sort"
	"strconv"
	"time"

	"github.com/nats-io/nats-server/conf"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: confdump FILE (prints the parsed file as canonical JSON)")
		os.Exit(2)
	}
	// An include cycle makes the conf package recurse until the stack limit; a small limit turns
	// that into a quick crash instead of a gigabyte of stack.
	debug.SetMaxStack(64 << 20)

	result := map[string]interface{}{}
	if err := dump(os.Args[1], result); err != nil {
		result["ok"] = false
		result["error"] = err.Error()
	}
	var out bytes.Buffer
	enc := json.NewEncoder(&out)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(result); err != nil {
		fmt.Fprintln(os.Stderr, "confdump: cannot encode result:", err)
		os.Exit(2)
	}
	os.Stdout.Write(out.Bytes())
}

func dump(file string, result map[string]interface{}) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("panic: %v", r)
		}
	}()
	m, err := conf.ParseFile(file)
	if err != nil {
		return err
	}
	v, err := canonical(m)
	if err != nil {
		return err
	}
	result["ok"] = true
	result["value"] = v
	return nil
}

func canonical(v interface{}) (interface{}, error) {
	switch x := v.(type) {
	case map[string]interface{}:
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		out := orderedMap{}
		for _, k := range keys {
			cv, err := canonical(x[k])
			if err != nil {
				return nil, err
			}
			out = append(out, entry{k, cv})
		}
		return out, nil
	case []interface{}:
		out := make([]interface{}, 0, len(x))
		for _, e := range x {
			cv, err := canonical(e)
			if err != nil {
				return nil, err
			}
			out = append(out, cv)
		}
		return out, nil
	case int64:
		return map[string]string{"int": strconv.FormatInt(x, 10)}, nil
	case float64:
		return map[string]string{"float": strconv.FormatFloat(x, 'g', -1, 64)}, nil
	case bool, string:
		return x, nil
	case time.Time:
		return map[string]string{"time": x.Format(time.RFC3339)}, nil
	}
	return nil, fmt.Errorf("confdump: value of unexpected Go type %T", v)
}

// orderedMap keeps the sorted key order when encoded (Go sorts map keys too, but by bytes of the
// escaped form; spelling the order out keeps it independent of the encoder).
type orderedMap []entry
type entry struct {
	key   string
	value interface{}
}

func (m orderedMap) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, e := range m {
		if i > 0 {
			b.WriteByte(',')
		}
		k, err := marshalNoEscape(e.key)
		if err != nil {
			return nil, err
		}
		b.Write(k)
		b.WriteByte(':')
		v, err := marshalNoEscape(e.value)
		if err != nil {
			return nil, err
		}
		b.Write(v)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

func marshalNoEscape(v interface{}) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimRight(b.Bytes(), "\n"), nil
}
