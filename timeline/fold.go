package timeline

// foldTable maps Latin letters with diacritics to their plain ASCII
// letters, for slugs and search keys. It is written out rather than taken
// from golang.org/x/text so that this package needs only the standard
// library; it covers Latin-1 and Latin Extended-A and -B, the scripts of the
// names in the record. Generated from Unicode decompositions.
var foldTable = map[rune]string{
	'À': "A", 'Á': "A", 'Â': "A", 'Ã': "A", 'Ä': "A", 'Å': "A", 'Ç': "C", 'È': "E",
	'É': "E", 'Ê': "E", 'Ë': "E", 'Ì': "I", 'Í': "I", 'Î': "I", 'Ï': "I", 'Ñ': "N",
	'Ò': "O", 'Ó': "O", 'Ô': "O", 'Õ': "O", 'Ö': "O", 'Ù': "U", 'Ú': "U", 'Û': "U",
	'Ü': "U", 'Ý': "Y", 'à': "a", 'á': "a", 'â': "a", 'ã': "a", 'ä': "a", 'å': "a",
	'ç': "c", 'è': "e", 'é': "e", 'ê': "e", 'ë': "e", 'ì': "i", 'í': "i", 'î': "i",
	'ï': "i", 'ñ': "n", 'ò': "o", 'ó': "o", 'ô': "o", 'õ': "o", 'ö': "o", 'ù': "u",
	'ú': "u", 'û': "u", 'ü': "u", 'ý': "y", 'ÿ': "y", 'Ā': "A", 'ā': "a", 'Ă': "A",
	'ă': "a", 'Ą': "A", 'ą': "a", 'Ć': "C", 'ć': "c", 'Ĉ': "C", 'ĉ': "c", 'Ċ': "C",
	'ċ': "c", 'Č': "C", 'č': "c", 'Ď': "D", 'ď': "d", 'Ē': "E", 'ē': "e", 'Ĕ': "E",
	'ĕ': "e", 'Ė': "E", 'ė': "e", 'Ę': "E", 'ę': "e", 'Ě': "E", 'ě': "e", 'Ĝ': "G",
	'ĝ': "g", 'Ğ': "G", 'ğ': "g", 'Ġ': "G", 'ġ': "g", 'Ģ': "G", 'ģ': "g", 'Ĥ': "H",
	'ĥ': "h", 'Ĩ': "I", 'ĩ': "i", 'Ī': "I", 'ī': "i", 'Ĭ': "I", 'ĭ': "i", 'Į': "I",
	'į': "i", 'İ': "I", 'Ĵ': "J", 'ĵ': "j", 'Ķ': "K", 'ķ': "k", 'Ĺ': "L", 'ĺ': "l",
	'Ļ': "L", 'ļ': "l", 'Ľ': "L", 'ľ': "l", 'Ń': "N", 'ń': "n", 'Ņ': "N", 'ņ': "n",
	'Ň': "N", 'ň': "n", 'Ō': "O", 'ō': "o", 'Ŏ': "O", 'ŏ': "o", 'Ő': "O", 'ő': "o",
	'Ŕ': "R", 'ŕ': "r", 'Ŗ': "R", 'ŗ': "r", 'Ř': "R", 'ř': "r", 'Ś': "S", 'ś': "s",
	'Ŝ': "S", 'ŝ': "s", 'Ş': "S", 'ş': "s", 'Š': "S", 'š': "s", 'Ţ': "T", 'ţ': "t",
	'Ť': "T", 'ť': "t", 'Ũ': "U", 'ũ': "u", 'Ū': "U", 'ū': "u", 'Ŭ': "U", 'ŭ': "u",
	'Ů': "U", 'ů': "u", 'Ű': "U", 'ű': "u", 'Ų': "U", 'ų': "u", 'Ŵ': "W", 'ŵ': "w",
	'Ŷ': "Y", 'ŷ': "y", 'Ÿ': "Y", 'Ź': "Z", 'ź': "z", 'Ż': "Z", 'ż': "z", 'Ž': "Z",
	'ž': "z", 'Ơ': "O", 'ơ': "o", 'Ư': "U", 'ư': "u", 'Ǎ': "A", 'ǎ': "a", 'Ǐ': "I",
	'ǐ': "i", 'Ǒ': "O", 'ǒ': "o", 'Ǔ': "U", 'ǔ': "u", 'Ǖ': "U", 'ǖ': "u", 'Ǘ': "U",
	'ǘ': "u", 'Ǚ': "U", 'ǚ': "u", 'Ǜ': "U", 'ǜ': "u", 'Ǟ': "A", 'ǟ': "a", 'Ǡ': "A",
	'ǡ': "a", 'Ǧ': "G", 'ǧ': "g", 'Ǩ': "K", 'ǩ': "k", 'Ǫ': "O", 'ǫ': "o", 'Ǭ': "O",
	'ǭ': "o", 'ǰ': "j", 'Ǵ': "G", 'ǵ': "g", 'Ǹ': "N", 'ǹ': "n", 'Ǻ': "A", 'ǻ': "a",
	'Ȁ': "A", 'ȁ': "a", 'Ȃ': "A", 'ȃ': "a", 'Ȅ': "E", 'ȅ': "e", 'Ȇ': "E", 'ȇ': "e",
	'Ȉ': "I", 'ȉ': "i", 'Ȋ': "I", 'ȋ': "i", 'Ȍ': "O", 'ȍ': "o", 'Ȏ': "O", 'ȏ': "o",
	'Ȑ': "R", 'ȑ': "r", 'Ȓ': "R", 'ȓ': "r", 'Ȕ': "U", 'ȕ': "u", 'Ȗ': "U", 'ȗ': "u",
	'Ș': "S", 'ș': "s", 'Ț': "T", 'ț': "t", 'Ȟ': "H", 'ȟ': "h", 'Ȧ': "A", 'ȧ': "a",
	'Ȩ': "E", 'ȩ': "e", 'Ȫ': "O", 'ȫ': "o", 'Ȭ': "O", 'ȭ': "o", 'Ȯ': "O", 'ȯ': "o",
	'Ȱ': "O", 'ȱ': "o", 'Ȳ': "Y", 'ȳ': "y", 'ß': "ss", 'Æ': "AE", 'æ': "ae", 'Ø': "O",
	'ø': "o", 'Đ': "D", 'đ': "d", 'Ł': "L", 'ł': "l", 'Œ': "OE", 'œ': "oe", 'Þ': "Th",
	'þ': "th", 'ı': "i", 'Ð': "D", 'ð': "d", 'Ħ': "H", 'ħ': "h",
}

// FoldASCII replaces letters with diacritics by their plain letters
// ("Türkiye" becomes "Turkiye"); other characters are kept.
func FoldASCII(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			ascii = false
			break
		}
	}
	if ascii {
		return s
	}
	b := make([]byte, 0, len(s))
	for _, r := range s {
		if f, ok := foldTable[r]; ok {
			b = append(b, f...)
		} else {
			b = append(b, string(r)...)
		}
	}
	return string(b)
}
