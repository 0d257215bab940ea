package timeline

import (
	"archive/zip"
	"io"
)

// BundleMaxInflated caps the bytes a bundle's zip may inflate to, in all:
// the largest bundle an upload (8 MiB) can carry inflates to about 60 MiB,
// and a zip bomb is refused as soon as it passes the cap, without being
// held in memory.
const BundleMaxInflated = 96 << 20

// OpenBundleZip opens the CSV files of a bundle's zip for reading, each
// streamed from the zip as it is read, all of them drawing on one budget of
// inflated bytes (max); two files of one name are refused.
func OpenBundleZip(r io.ReaderAt, size int64, name string, max int64) (map[string]io.Reader, error) {
	zr, err := zip.NewReader(r, size)
	if err != nil {
		return nil, Errorf(EInvalid, "%s is not a zip of an export bundle: %v", name, err)
	}
	budget := &inflateBudget{left: max, max: max, name: name}
	files := map[string]io.Reader{}
	seen := map[string]bool{}
	for _, f := range zr.File {
		if seen[f.Name] {
			return nil, Errorf(EUnprocessable, "%s holds two files named %s; a bundle has one of each, so it was not read", name, f.Name)
		}
		seen[f.Name] = true
		if _, ok := BundleHeaders[f.Name]; !ok {
			continue
		}
		files[f.Name] = &zipEntry{f: f, budget: budget}
	}
	return files, nil
}

// inflateBudget counts the bytes a bundle's files inflate to.
type inflateBudget struct {
	left, max int64
	name      string
}

// zipEntry reads one file of the zip, opened when first read.
type zipEntry struct {
	f      *zip.File
	rc     io.ReadCloser
	budget *inflateBudget
}

func (z *zipEntry) Read(p []byte) (int, error) {
	if z.rc == nil {
		rc, err := z.f.Open()
		if err != nil {
			return 0, Errorf(EInvalid, "%s in %s cannot be read: %v", z.f.Name, z.budget.name, err)
		}
		z.rc = rc
	}
	n, err := z.rc.Read(p)
	if z.budget.left -= int64(n); z.budget.left < 0 {
		z.rc.Close()
		return 0, Errorf(ETooLarge, "%s inflates to more than %d MiB (the cap for a bundle, reached in %s); nothing was imported", z.budget.name, z.budget.max>>20, z.f.Name)
	}
	if err == io.EOF {
		z.rc.Close()
	}
	return n, err
}
