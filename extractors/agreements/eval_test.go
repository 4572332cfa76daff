// The agreement evaluation runs the whole pipeline (cleaning decides what
// articles.text is), and the pipeline imports this package, so this file is
// an external test package.
package agreements_test

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/khabar-data/khabar/eval"
	"github.com/khabar-data/khabar/extractors/resources"
	"github.com/khabar-data/khabar/pipeline"
	"github.com/khabar-data/khabar/raw"
	"github.com/khabar-data/khabar/schemas"
)

// antCorpus is the ANT multi-source corpus the sample was drawn from.
const antCorpus = "../../../shared/corpora/ant-multisource-v2.1/ant_multisource_v2.1.jsonl.xz"

// buildANTSample writes the sample the gold annotates (ids in idsPath, e.g.
// testdata/ant_sample_ids.txt, drawn by testdata/build_ant_sample.py) as
// pipeline input: JSON Lines with id, title, text and published. It is the
// Go twin of `build_ant_sample.py rebuild IDS`.
func buildANTSample(t testing.TB, idsPath, out string) {
	t.Helper()
	if _, err := os.Stat(antCorpus); err != nil {
		t.Skipf("ANT corpus not available (%v): the corpus part of the agreements evaluation needs ../shared", err)
	}
	if _, err := exec.LookPath("xz"); err != nil {
		t.Skip("xz not installed: cannot read the ANT corpus")
	}
	idsFile, err := os.ReadFile(idsPath)
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	want := map[string]bool{}
	for _, l := range strings.Split(string(idsFile), "\n") {
		if l = strings.TrimSpace(l); l != "" {
			ids = append(ids, l)
			want[l] = true
		}
	}
	cmd := exec.Command("xz", "-dc", antCorpus)
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	type rec struct {
		ID    string  `json:"id"`
		Title *string `json:"title"`
		Text  *string `json:"text"`
		Time  *string `json:"time"`
	}
	got := map[string]rec{}
	sc := bufio.NewScanner(stdout)
	sc.Buffer(make([]byte, 1<<20), 8<<20)
	for sc.Scan() {
		line := sc.Bytes()
		// cheap pre-filter before decoding
		i := bytes.Index(line, []byte(`"id": "`))
		if i < 0 {
			i = bytes.Index(line, []byte(`"id":"`))
		}
		var r rec
		if err := json.Unmarshal(line, &r); err != nil {
			t.Fatal(err)
		}
		if want[r.ID] {
			if _, dup := got[r.ID]; !dup {
				got[r.ID] = r
			}
		}
		_ = i
	}
	if err := cmd.Wait(); err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	for _, id := range ids {
		r, ok := got[id]
		if !ok {
			t.Fatalf("article %s not in the corpus", id)
		}
		m := map[string]any{"id": id, "title": r.Title, "text": ""}
		if r.Text != nil {
			m["text"] = *r.Text
		}
		if r.Time != nil {
			if tm, err := time.Parse(time.RFC1123, *r.Time); err == nil {
				m["published"] = tm.UTC().Format(time.DateOnly)
			}
		}
		line, _ := json.Marshal(m)
		b.Write(line)
		b.WriteByte('\n')
	}
	if err := os.WriteFile(out, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

// agreementScore counts, for the agreements table, spans matched exactly
// and by overlap (one to one), and for overlapping pairs whether type,
// action and parties agree.
type agreementScore struct {
	gold, found                          int
	exact, overlap                       int
	typeOK, actionOK, partiesOK, countOK int
	errors                               []string
}

func (s agreementScore) pr(tp int) (p, r float64) {
	p, r = 1, 1
	if s.found > 0 {
		p = float64(tp) / float64(s.found)
	}
	if s.gold > 0 {
		r = float64(tp) / float64(s.gold)
	}
	return
}

// scoredMention is one agreement mention as the scorer compares it: a row
// of the agreements table, or a row of a second annotator's gold.
type scoredMention struct {
	article, surface string
	start, end       int
	typ, action      string
	parties          []string
	count            int64
}

// rowMentions turns the pipeline's agreements rows into scored mentions by
// article, for the articles the run has.
func rowMentions(rows map[string][]schemas.Row) (map[string][]scoredMention, map[string]bool) {
	arts := map[string]bool{}
	for _, a := range rows[schemas.Articles.Name] {
		arts[a.String("article_id")] = true
	}
	byArticle := map[string][]scoredMention{}
	for _, r := range rows[schemas.Agreements.Name] {
		pp, _ := r.Get("parties").([]string)
		m := scoredMention{article: r.String("article_id"), surface: r.String("surface"),
			start: int(r.Int("char_start")), end: int(r.Int("char_end")),
			typ: r.String("type"), action: r.String("action"), parties: pp, count: r.Int("count")}
		byArticle[m.article] = append(byArticle[m.article], m)
	}
	return byArticle, arts
}

// goldMentions turns gold rows into scored mentions by article, so that one
// annotator's gold can be scored against another's.
func goldMentions(gold []eval.Gold) map[string][]scoredMention {
	byArticle := map[string][]scoredMention{}
	for _, g := range gold {
		if g.Kind != "agreement" {
			continue
		}
		typ, _ := g.Value["type"].(string)
		action, _ := g.Value["action"].(string)
		count, _ := g.Value["count"].(float64)
		byArticle[g.ArticleID] = append(byArticle[g.ArticleID], scoredMention{article: g.ArticleID, surface: g.Surface,
			start: g.CharStart, end: g.CharEnd, typ: typ, action: action, parties: goldParties(g), count: int64(count)})
	}
	return byArticle
}

func goldParties(g eval.Gold) []string {
	var gp []string
	if ps, ok := g.Value["parties"].([]any); ok {
		for _, p := range ps {
			gp = append(gp, p.(string))
		}
	}
	slices.Sort(gp)
	return gp
}

func scoreAgreements(gold []eval.Gold, rows map[string][]schemas.Row) agreementScore {
	found, arts := rowMentions(rows)
	return scoreMentions(gold, found, arts)
}

// scoreMentions matches each gold mention of the articles in arts to at most
// one found mention that overlaps it (an exact one first), then compares
// their values.
func scoreMentions(gold []eval.Gold, byArticle map[string][]scoredMention, arts map[string]bool) agreementScore {
	var s agreementScore
	type ref struct {
		article string
		i       int
	}
	used := map[ref]bool{}
	for _, g := range gold {
		if g.Kind != "agreement" || !arts[g.ArticleID] {
			continue
		}
		s.gold++
		best := -1
		for i, m := range byArticle[g.ArticleID] {
			if used[ref{g.ArticleID, i}] || m.start >= g.CharEnd || m.end <= g.CharStart {
				continue
			}
			if best < 0 || (m.start == g.CharStart && m.end == g.CharEnd) {
				best = i
			}
		}
		if best < 0 {
			s.errors = append(s.errors, fmt.Sprintf("miss  %s %q", g.SourceID, g.Surface))
			continue
		}
		used[ref{g.ArticleID, best}] = true
		m := byArticle[g.ArticleID][best]
		s.overlap++
		if m.start == g.CharStart && m.end == g.CharEnd {
			s.exact++
		} else {
			s.errors = append(s.errors, fmt.Sprintf("span  %s gold %q got %q", g.SourceID, g.Surface, m.surface))
		}
		if m.typ == g.Value["type"] {
			s.typeOK++
		} else {
			s.errors = append(s.errors, fmt.Sprintf("type  %s %q gold %v got %s", g.SourceID, g.Surface, g.Value["type"], m.typ))
		}
		if m.action == g.Value["action"] {
			s.actionOK++
		} else {
			s.errors = append(s.errors, fmt.Sprintf("action %s %q gold %v got %s", g.SourceID, g.Surface, g.Value["action"], m.action))
		}
		if gp := goldParties(g); slices.Equal(gp, m.parties) || len(gp) == 0 && len(m.parties) == 0 {
			s.partiesOK++
		} else {
			s.errors = append(s.errors, fmt.Sprintf("parties %s %q gold %v got %v", g.SourceID, g.Surface, gp, m.parties))
		}
		gc, _ := g.Value["count"].(float64)
		if int64(gc) == m.count {
			s.countOK++
		}
	}
	for id, ms := range byArticle {
		if !arts[id] {
			continue
		}
		for i, m := range ms {
			s.found++
			if !used[ref{id, i}] {
				s.errors = append(s.errors, fmt.Sprintf("false %s %q (%s %s)", id, m.surface, m.typ, m.action))
			}
		}
	}
	slices.Sort(s.errors)
	return s
}

func report(t *testing.T, name string, s agreementScore) {
	reportErrors(t, name, s, "KHABAR_AGREEMENT_ERRORS")
}

// reportErrors logs the scores, and the errors when the environment variable
// errEnv is set.
func reportErrors(t *testing.T, name string, s agreementScore, errEnv string) {
	t.Helper()
	line := func(what string, tp int) {
		p, r := s.pr(tp)
		t.Logf("%-16s P %.2f  R %.2f", what, p, r)
	}
	t.Logf("%s: gold %d, found %d", name, s.gold, s.found)
	line("name exact", s.exact)
	line("name overlap", s.overlap)
	line("type", s.typeOK)
	line("action", s.actionOK)
	line("parties", s.partiesOK)
	if os.Getenv(errEnv) != "" {
		for _, e := range s.errors {
			t.Log(e)
		}
	}
}

func runPipeline(t *testing.T, cfg pipeline.Config) map[string][]schemas.Row {
	t.Helper()
	cfg.MaxBytes = pipeline.DefaultMaxBytes
	cfg.Resources = resources.Default()
	res, err := pipeline.Run(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return res.Rows
}

// floors are what the evaluation must not fall below (measured values are
// reported by -v; see the README).
type floors struct{ exact, overlap, typ, action, parties float64 }

func checkFloors(t *testing.T, s agreementScore, f floors) {
	t.Helper()
	for _, c := range []struct {
		what  string
		tp    int
		floor float64
	}{{"name exact", s.exact, f.exact}, {"name overlap", s.overlap, f.overlap}, {"type", s.typeOK, f.typ}, {"action", s.actionOK, f.action}, {"parties", s.partiesOK, f.parties}} {
		p, r := s.pr(c.tp)
		if p < c.floor || r < c.floor {
			t.Errorf("%s: P %.2f R %.2f below the floor %.2f", c.what, p, r, c.floor)
		}
	}
}

func TestAgreementsSeedGold(t *testing.T) {
	gold, err := eval.LoadGold("../../testdata/gold/seeds.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	rows := runPipeline(t, pipeline.Config{InFS: raw.FS, In: "."})
	s := scoreAgreements(gold, rows)
	if s.gold == 0 {
		t.Fatal("no seed gold matched an article")
	}
	report(t, "seeds", s)
	checkFloors(t, s, floors{0.7, 0.85, 0.85, 0.85, 0.85})
}

func TestAgreementsANTGold(t *testing.T) {
	if testing.Short() {
		t.Skip("corpus evaluation skipped in -short mode")
	}
	in := filepath.Join(t.TempDir(), "ant.jsonl")
	buildANTSample(t, "testdata/ant_sample_ids.txt", in)
	gold, err := eval.LoadGold("../../testdata/gold/agreements-ant.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	rows := runPipeline(t, pipeline.Config{In: in})
	if n := len(rows[schemas.Articles.Name]); n < 100 {
		t.Fatalf("sample has %d articles, want ≥100", n)
	}
	s := scoreAgreements(gold, rows)
	if s.gold != 89 && s.gold < 80 {
		t.Fatalf("only %d gold agreements anchored: has articles.text changed?", s.gold)
	}
	report(t, "ANT sample", s)
	checkFloors(t, s, floors{0.88, 0.9, 0.9, 0.9, 0.88})
}

// TestAgreementsANTHeldoutGold scores the first held-out ANT sample: 60
// articles drawn with another seed (17) from the same pool, excluding the
// development sample (`build_ant_sample.py heldout`), annotated before any
// rule was tuned on them (testdata/gold/agreements-ant-heldout.jsonl). It
// was used for tuning from stop 10 on (its errors now guide rule changes,
// like the development sample's); the second held-out sample replaced it as
// the measure on unseen news.
func TestAgreementsANTHeldoutGold(t *testing.T) {
	// measured before any rule change (stop 9): exact .54/.56, overlap .74/.76, type .74/.76,
	// action .69/.71, parties .69/.71 (34 gold, 35 found).
	heldoutGold(t, "ANT held-out", "testdata/ant_heldout_ids.txt", "../../testdata/gold/agreements-ant-heldout.jsonl",
		55, 30, "KHABAR_AGREEMENT_ERRORS", floors{0.75, 0.8, 0.8, 0.75, 0.72})
}

// TestAgreementsANTHeldout2Gold scores the second held-out ANT sample: 80
// articles (seed 31; every id of the two earlier samples excluded,
// `build_ant_sample.py heldout2`), annotated blind before any rule was
// tuned on them (testdata/gold/agreements-ant-heldout2.jsonl, 64 mentions).
// Never tune on it: its errors are listed only with KHABAR_HELDOUT_ERRORS=1.
func TestAgreementsANTHeldout2Gold(t *testing.T) {
	// measured blind, before any rule change (stop 10): exact .56/.64, overlap .68/.78,
	// type .68/.78, action .64/.73, parties .59/.67 (64 gold, 73 found); after the
	// stop-10 rules (tuned on the other samples only): .59/.64, .71/.78, .71/.78,
	// .67/.73, .61/.67 (70 found); after the stop-11 rules (tuned on the development
	// samples, held-out 1 and the seeds only), at the end of stop 11: .68/.72, .78/.83, .78/.83,
	// .74/.78, .68/.72 (68 found); at the end of stop 12 (rules tuned on the
	// same samples, development 4 and false alarms read in 8,000 other ANT articles):
	// .71/.72, .83/.84, .83/.84, .78/.80, .72/.73 (65 found); at the end of stop 13 (rules
	// tuned on development 5 and the same samples): .71/.73, .83/.86, .83/.86, .79/.81,
	// .73/.75 (66 found); at the end of stop 14 (rules tuned on development 6): exact .73/.75,
	// the others unchanged; at the end of stop 15 (rules tuned on development 6 and 7):
	// .74/.77, .85/.88, .85/.88, .80/.83, .74/.77 (66 found).
	heldoutGold(t, "ANT held-out 2", "testdata/ant_heldout2_ids.txt", "../../testdata/gold/agreements-ant-heldout2.jsonl",
		75, 58, "KHABAR_HELDOUT_ERRORS", floors{0.65, 0.75, 0.75, 0.72, 0.65})
}

// TestAgreementsANTHeldout3Gold scores the third held-out ANT sample: 100
// articles (seed 97; every id of the seven earlier samples, development 5
// included, excluded: `build_ant_sample.py heldout3`), annotated blind
// (testdata/gold/agreements-ant-heldout3.jsonl, 63 mentions) at stop 13.
// Never tune on it: its errors are listed only with KHABAR_HELDOUT_ERRORS=1.
func TestAgreementsANTHeldout3Gold(t *testing.T) {
	// measured blind at the start of stop 13, with the stop-12 rules: exact .71/.71, overlap .79/.79,
	// type .79/.79, action .76/.76, parties .71/.71 (63 gold, 63 found); at the end of stops 13
	// and 14, the same figures.
	rows := heldoutGold(t, "ANT held-out 3", "testdata/ant_heldout3_ids.txt", "../../testdata/gold/agreements-ant-heldout3.jsonl",
		95, 55, "KHABAR_HELDOUT_ERRORS", floors{0.65, 0.75, 0.75, 0.72, 0.65})
	secondAnnotation(t, "ANT held-out 3", "../../testdata/gold/agreements-ant-heldout3-b.jsonl", rows, "KHABAR_HELDOUT_ERRORS")
}

// TestAgreementsANTDev2Gold scores the second development sample: 100
// articles (seed 43; every id of the three earlier samples excluded,
// `build_ant_sample.py dev2`), annotated blind like held-out 2
// (testdata/gold/agreements-ant-dev2.jsonl, 61 mentions), then used for
// tuning: its errors are listed with KHABAR_AGREEMENT_ERRORS=1.
func TestAgreementsANTDev2Gold(t *testing.T) {
	// measured blind, before any rule was tuned on it (stop 11): exact .61/.51, overlap .84/.70,
	// type .84/.70, action .75/.62, parties .80/.67 (61 gold, 51 found).
	heldoutGold(t, "ANT dev 2", "testdata/ant_dev2_ids.txt", "../../testdata/gold/agreements-ant-dev2.jsonl",
		95, 55, "KHABAR_AGREEMENT_ERRORS", floors{0.72, 0.78, 0.78, 0.72, 0.75})
}

// TestAgreementsANTDev3Gold scores the third development sample: 100
// articles (seed 59; every id of the four earlier samples excluded,
// `build_ant_sample.py dev3`), annotated blind like development 2
// (testdata/gold/agreements-ant-dev3.jsonl, 74 mentions), then used for
// tuning: its errors are listed with KHABAR_AGREEMENT_ERRORS=1.
func TestAgreementsANTDev3Gold(t *testing.T) {
	// measured blind, before any rule was tuned on it (stop 11): exact .72/.77, overlap .77/.82,
	// type .77/.82, action .72/.77, parties .67/.72 (74 gold, 79 found).
	heldoutGold(t, "ANT dev 3", "testdata/ant_dev3_ids.txt", "../../testdata/gold/agreements-ant-dev3.jsonl",
		95, 68, "KHABAR_AGREEMENT_ERRORS", floors{0.8, 0.88, 0.88, 0.8, 0.8})
}

// TestAgreementsANTDev4Gold scores the fourth development sample: 100
// articles (seed 71; every id of the five earlier samples excluded,
// `build_ant_sample.py dev4`), annotated blind like development 3
// (testdata/gold/agreements-ant-dev4.jsonl, 78 mentions), measured once with
// the stop-12 rules, then open for tuning: its errors are listed with
// KHABAR_AGREEMENT_ERRORS=1.
func TestAgreementsANTDev4Gold(t *testing.T) {
	// measured blind, before any rule was tuned on it (stop 12): exact .64/.71, overlap .77/.85,
	// type .76/.83, action .69/.76, parties .72/.79 (78 gold, 86 found); tuned on at stop 12:
	// .73/.81, .83/.91, .81/.90, .76/.83, .78/.86 (86 found).
	heldoutGold(t, "ANT dev 4", "testdata/ant_dev4_ids.txt", "../../testdata/gold/agreements-ant-dev4.jsonl",
		95, 70, "KHABAR_AGREEMENT_ERRORS", floors{0.7, 0.8, 0.8, 0.72, 0.75})
}

// TestAgreementsANTDev5Gold scores the fifth development sample: 100
// articles (seed 83; every id of the six earlier samples excluded,
// `build_ant_sample.py dev5`), annotated blind like development 4
// (testdata/gold/agreements-ant-dev5.jsonl, 73 mentions), measured once with
// the stop-12 rules, then open for tuning: its errors are listed with
// KHABAR_AGREEMENT_ERRORS=1.
func TestAgreementsANTDev5Gold(t *testing.T) {
	// measured blind, before any rule was tuned on it (stop 13): exact .72/.75, overlap .82/.85,
	// type .82/.85, action .79/.82, parties .72/.75 (73 gold, 76 found); tuned on at stop 13:
	// .85/.86, .89/.90, .89/.90, .88/.89, .80/.81 (74 found).
	rows := heldoutGold(t, "ANT dev 5", "testdata/ant_dev5_ids.txt", "../../testdata/gold/agreements-ant-dev5.jsonl",
		95, 65, "KHABAR_AGREEMENT_ERRORS", floors{0.8, 0.85, 0.85, 0.82, 0.75})
	secondAnnotation(t, "ANT dev 5", "../../testdata/gold/agreements-ant-dev5-b.jsonl", rows, "KHABAR_AGREEMENT_ERRORS")
}

// TestAgreementsANTDev6Gold scores the sixth development sample: 150
// articles (seed 101; every id of the eight earlier samples excluded,
// `build_ant_sample.py dev6`), annotated blind by two helper sessions (75
// articles each; testdata/gold/agreements-ant-dev6.jsonl, 100 mentions),
// measured once with the stop-13 rules, then open for tuning: its errors are
// listed with KHABAR_AGREEMENT_ERRORS=1.
func TestAgreementsANTDev6Gold(t *testing.T) {
	// measured blind, before any rule was tuned on it (stop 14, the stop-13 rules): exact .64/.64,
	// overlap .79/.79, type .78/.78, action .78/.78, parties .61/.61 (100 gold, 100 found); tuned on
	// at stop 14: .73/.73, .81/.81, .80/.80, .80/.80, .69/.69 (100 found); at stop 15: .75/.74,
	// .82/.81, .82/.81, .81/.80, .70/.69 (99 found).
	heldoutGold(t, "ANT dev 6", "testdata/ant_dev6_ids.txt", "../../testdata/gold/agreements-ant-dev6.jsonl",
		145, 90, "KHABAR_AGREEMENT_ERRORS", floors{0.68, 0.76, 0.76, 0.76, 0.64})
}

// TestAgreementsANTDev7Gold scores the seventh development sample: 150
// articles (seed 107; every id of the nine earlier samples excluded,
// `build_ant_sample.py dev7`), annotated blind by two helper sessions (75
// articles each; testdata/gold/agreements-ant-dev7.jsonl, 134 mentions, 88
// of them the Iran nuclear deal), measured once with the stop-14 rules,
// then open for tuning: its errors are listed with KHABAR_AGREEMENT_ERRORS=1.
func TestAgreementsANTDev7Gold(t *testing.T) {
	// measured blind, before any rule was tuned on it (stop 15, the stop-14 rules): exact .78/.84,
	// overlap .88/.94, type .88/.94, action .81/.87, parties .78/.84 (134 gold, 144 found); tuned on
	// at stop 15: .84/.89, .89/.94, .89/.94, .83/.87, .81/.85 (141 found).
	heldoutGold(t, "ANT dev 7", "testdata/ant_dev7_ids.txt", "../../testdata/gold/agreements-ant-dev7.jsonl",
		145, 125, "KHABAR_AGREEMENT_ERRORS", floors{0.8, 0.85, 0.85, 0.8, 0.78})
}

func TestAgreementsANTDev8Gold(t *testing.T) {
	// measured blind, before any rule was tuned on it (stop 16, the stop-15 rules): exact .72/.76,
	// overlap .84/.89, type .84/.89, action .77/.82, parties .76/.81 (100 gold, 106 found); tuned on
	// at stop 16: .75/.77, .86/.89, .86/.89, .80/.82, .79/.81 (103 found).
	heldoutGold(t, "ANT dev 8", "testdata/ant_dev8_ids.txt", "../../testdata/gold/agreements-ant-dev8.jsonl",
		145, 90, "KHABAR_AGREEMENT_ERRORS", floors{0.72, 0.84, 0.84, 0.77, 0.76})
}

// heldoutGold runs the pipeline on an ANT sample and scores it against its
// gold, failing below the floors; errEnv names the variable that lists the
// errors.
func heldoutGold(t *testing.T, name, ids, goldPath string, minArticles, minGold int, errEnv string, f floors) map[string][]schemas.Row {
	t.Helper()
	if testing.Short() {
		t.Skip("corpus evaluation skipped in -short mode")
	}
	in := filepath.Join(t.TempDir(), "ant.jsonl")
	buildANTSample(t, ids, in)
	gold, err := eval.LoadGold(goldPath)
	if err != nil {
		t.Fatal(err)
	}
	rows := runPipeline(t, pipeline.Config{In: in})
	if n := len(rows[schemas.Articles.Name]); n < minArticles {
		t.Fatalf("%s has %d articles, want ≥%d", name, n, minArticles)
	}
	s := scoreAgreements(gold, rows)
	if s.gold < minGold {
		t.Fatalf("only %d %s gold agreements anchored: has articles.text changed?", s.gold, name)
	}
	reportErrors(t, name, s, errEnv)
	checkFloors(t, s, f)
	return rows
}

// secondAnnotation scores a run against the second, independent annotation
// of its sample (see TestAgreementsInterAnnotator), for comparison only: the
// first annotation is the one the floors hold.
func secondAnnotation(t *testing.T, name, goldPath string, rows map[string][]schemas.Row, errEnv string) {
	t.Helper()
	gold, err := eval.LoadGold(goldPath)
	if err != nil {
		t.Fatal(err)
	}
	reportErrors(t, name+", second annotation", scoreAgreements(gold, rows), errEnv)
}

// TestAgreementsInterAnnotator scores one annotator's gold against another's
// on the samples annotated twice, blind and independently, from the same
// guidelines and precedents: how far two careful readers agree bounds what
// any extractor can score against one of them. The first annotation is the
// reference (its precision is the second's recall). It reads only the gold
// files, so it runs without ../shared.
func TestAgreementsInterAnnotator(t *testing.T) {
	for _, c := range []struct {
		name, first, second, errEnv string
		f                           floors
	}{
		// measured at stop 14: exact .97/.97, overlap .99/.99, type, action and parties .99/.99
		{"development 5", "agreements-ant-dev5.jsonl", "agreements-ant-dev5-b.jsonl", "KHABAR_AGREEMENT_ERRORS",
			floors{0.95, 0.97, 0.97, 0.97, 0.97}},
		{"held-out 3", "agreements-ant-heldout3.jsonl", "agreements-ant-heldout3-b.jsonl", "KHABAR_HELDOUT_ERRORS",
			// measured at stop 14: exact and overlap 1.00/.98, type 1.00/.98, action .97/.95, parties .98/.97
			floors{0.95, 0.95, 0.95, 0.93, 0.95}},
	} {
		t.Run(c.name, func(t *testing.T) {
			first, err := eval.LoadGold(filepath.Join("../../testdata/gold", c.first))
			if err != nil {
				t.Fatal(err)
			}
			second, err := eval.LoadGold(filepath.Join("../../testdata/gold", c.second))
			if err != nil {
				t.Fatal(err)
			}
			arts := map[string]bool{}
			for _, g := range append(slices.Clone(first), second...) {
				arts[g.ArticleID] = true
			}
			s := scoreMentions(first, goldMentions(second), arts)
			reportErrors(t, c.name+", second annotator against the first", s, c.errEnv)
			checkFloors(t, s, c.f)
		})
	}
}
