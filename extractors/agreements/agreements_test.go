package agreements

import (
	"slices"
	"testing"
	"time"

	"github.com/khabar-data/khabar/extractors/resources"
	"github.com/khabar-data/khabar/textdoc"
)

type want struct {
	surface, name, typ, action string
	parties                    []string
	year                       int
}

func TestAgreements(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []want
	}{
		{"quoted treaty with parties, coordinated declaration",
			"ويُعدّ توقيع “معاهدة التقاء حدود الدول الثلاث” بين أوزبكستان وقيرغيزستان وطاجيكستان، إلى جانب “إعلان خجند” في مارس 2025، حدثًا ذا أهمية تاريخية.",
			[]want{
				{"معاهدة التقاء حدود الدول الثلاث", "معاهدة التقاء حدود الدول الثلاث", "treaty", "signed", []string{"KG", "TJ", "UZ"}, 2025},
				{"إعلان خجند", "إعلان خجند", "declaration", "signed", []string{"KG", "TJ", "UZ"}, 2025},
			}},
		{"unquoted treaty name",
			"وقد تعزّز الإطار القانوني من خلال توقيع معاهدة الصداقة وحسن الجوار والتعاون من أجل تنمية آسيا الوسطى في القرن الحادي والعشرين، وذلك عقب اجتماع لقادة المنطقة في عام 2022.",
			[]want{{"معاهدة الصداقة وحسن الجوار والتعاون من أجل تنمية آسيا الوسطى في القرن الحادي والعشرين",
				"معاهدة الصداقة وحسن الجوار والتعاون من أجل تنمية آسيا الوسطى في القرن الحادي والعشرين", "treaty", "signed", nil, 2022}}},
		{"head noun with a quoted name",
			"ويعكس التوقيع على مفهوم التنمية “آسيا الوسطى – 2040” التزاما مشتركا.",
			[]want{{"مفهوم التنمية “آسيا الوسطى – 2040”", "مفهوم التنمية آسيا الوسطى – 2040", "concept", "signed", nil, 0}}},
		{"vision named by a place and a year",
			"وأصبحت “رؤية آسيا الوسطى 2040” إحدى أهم الوثائق البرامجية، وذلك بعد اعتمادها في قمة أستانا عام 2024.",
			[]want{{"رؤية آسيا الوسطى 2040", "رؤية آسيا الوسطى 2040", "vision", "adopted", nil, 2024}}},
		{"roadmap: a horizon is not the year",
			"تعد الموافقة على خارطة طريق التعاون الإقليمي حتى عام 2027 حدثًا مهمًا.",
			[]want{{"خارطة طريق التعاون الإقليمي", "خارطة طريق التعاون الإقليمي", "roadmap", "approved", nil, 0}}},
		{"proposed framework agreement",
			"واقترح اتفاقية إطارية لآسيا الوسطى بشأن استخدام المياه، ونظام متكامل لتتبع البضائع.",
			[]want{{"اتفاقية إطارية لآسيا الوسطى بشأن استخدام المياه", "اتفاقية إطارية لآسيا الوسطى بشأن استخدام المياه", "framework_agreement", "proposed", nil, 0}}},
		{"joint statement in the accusative",
			"وأصدر قادة المنطقة بياناً مشتركاً تضمن دعماً لترشح قرغيزستان.",
			[]want{{"بياناً مشتركاً", "بياناً مشتركاً", "joint_statement", "adopted", nil, 0}}},
		{"a country that joined",
			"وفي عام 2025 انضمت طاجيكستان إلى معاهدة الصداقة وحسن الجوار.",
			[]want{{"معاهدة الصداقة وحسن الجوار", "معاهدة الصداقة وحسن الجوار", "treaty", "joined", []string{"TJ"}, 2025}}},
		{"a name ends before a verb",
			"وقال إن الاتفاق النووي كان لمصلحة إيران ولم يحقق السلم.",
			[]want{{"الاتفاق النووي", "الاتفاق النووي", "agreement", "mentioned", nil, 0}}},
		{"a definite name ends before an indefinite conjunct",
			"مضيفا أن الاتفاق النووي وأية قضية أخرى بهذه الذريعة غير قابلة للتفاوض مطلقا.",
			[]want{{"الاتفاق النووي", "الاتفاق النووي", "agreement", "mentioned", nil, 0}}},
		{"after a nisba adjective an indefinite conjunct starts another phrase",
			"وناقش الوزيران الاتفاق النووي الإيراني وطبيعة التعامل معه في المرحلة المقبلة.",
			[]want{{"الاتفاق النووي الإيراني", "الاتفاق النووي الإيراني", "agreement", "mentioned", nil, 0}}},
		{"a name does not open with a conjunct",
			"ورحبت الحكومة بالاتفاق والاتحاد الأوروبي من أجل متابعة تنفيذ هذه الخطوات.",
			nil},
		{"إعلان with an object is an announcement",
			"وجاء إعلان بيونغيانغ تعليق اختباراتها النووية والصاروخية مفاجئا للمراقبين.",
			nil},
		{"إعلان by a body is an announcement",
			"وجاء إعلان وكالة \"موديز\" خفض التصنيف بعد أيام من الاجتماع.",
			nil},
		{"a concept merely mentioned is a notion",
			"وقال الوزير إن مفهوم حقوق الإنسان تغير كثيرا في العقود الأخيرة.",
			nil},
		{"a quoted epithet is not the title",
			"وقالت الخارجية إن الاتفاق النووي \"المترنح\" لن يصمد طويلا.",
			[]want{{"الاتفاق النووي", "الاتفاق النووي", "agreement", "mentioned", nil, 0}}},
		{"the final communiqué of a summit",
			"وأصدر القادة البيان الختامي للقمة في ختام أعمالها.",
			[]want{{"البيان الختامي للقمة", "البيان الختامي للقمة", "joint_statement", "adopted", nil, 0}}},
		{"a sponsor is not part of the name",
			"ووقعت الحركتان اتفاقًا جديدًا للمصالحة برعاية مصرية، في أكتوبر الماضي.",
			[]want{{"اتفاقًا جديدًا للمصالحة", "اتفاقًا جديدًا للمصالحة", "agreement", "signed", nil, 0}}},
		{"للـ keeps the article's lam",
			"هذه الدول الموقعة للاتفاق النووي، تسعى لإسعافه.",
			[]want{{"لاتفاق النووي", "لاتفاق النووي", "agreement", "signed", nil, 0}}},
		{"construct chain ending in a definite word",
			"ردا على أي انتهاك لاتفاق خفض التصعيد في جنوب البلاد.",
			[]want{{"اتفاق خفض التصعيد في جنوب البلاد", "اتفاق خفض التصعيد في جنوب البلاد", "agreement", "mentioned", nil, 0}}},
		{"an agreement named by a country",
			"بينما نفت رئاسة فرنسا أن يكون ترامب قد أعطى أي إشارة بشأن القرار الخاص باتفاق إيران خلال اتصاله مع ماكرون.",
			[]want{{"اتفاق إيران", "اتفاق إيران", "agreement", "mentioned", nil, 0}}},
		{"parties: the subject of a relative signing verb",
			"وأبلغ روحاني ماكرون أن الاتفاق النووي الذي وقعته إيران مع الدول الست الكبرى غير قابل للتفاوض.",
			[]want{{"الاتفاق النووي", "الاتفاق النووي", "agreement", "signed", []string{"IR"}, 0}}},
		{"parties: a coordinated list with a non-country",
			"قبل أن تنسحب من الاتفاق النووي المبرم بين الغرب وطهران.",
			[]want{{"الاتفاق النووي", "الاتفاق النووي", "agreement", "signed", []string{"IR"}, 0}}},
		{"parties: signatories listed before",
			"فرنسا وألمانيا وبريطانيا، هذه الدول الموقعة للاتفاق النووي مع طهران تسعى لإسعافه.",
			[]want{{"لاتفاق النووي", "لاتفاق النووي", "agreement", "signed", []string{"DE", "FR", "GB", "IR"}, 0}}},
		{"parties: the two countries",
			"تبذل بنغلادش جهودا للضغط على بورما، جهود قادت البلدين إلى توقيع اتفاق إعادة الروهينغا، إلا أن هؤلاء يخشون العودة.",
			[]want{{"اتفاق إعادة الروهينغا", "اتفاق إعادة الروهينغا", "agreement", "signed", []string{"BD", "MM"}, 0}}},
		{"an indefinite head with its signing parties",
			"على هامش القمة وقعت الجزائر والصين مذكرة تفاهم، تنص على انضمام الجزائر إلى المبادرة.",
			[]want{{"مذكرة تفاهم", "مذكرة تفاهم", "memorandum", "signed", []string{"CN", "DZ"}, 0}}},
		{"parties: the officials who sign, named by title",
			"ووقع وزير المالية السعودي محمد الجدعان، ومحافظ البنك المركزي اليمني محمد زمام، بالرياض اتفاقية تسليم الوديعة للبنك المركزي اليمني.",
			[]want{{"اتفاقية تسليم الوديعة للبنك المركزي اليمني", "اتفاقية تسليم الوديعة للبنك المركزي اليمني", "agreement", "signed", []string{"SA", "YE"}, 0}}},
		{"parties: the place of signing is not a party",
			"ووقعت فتح وحماس في 12 تشرين الأول/أكتوبر الماضي في القاهرة اتفاق المصالحة الوطنية.",
			[]want{{"اتفاق المصالحة الوطنية", "اتفاق المصالحة الوطنية", "agreement", "signed", nil, 0}}},
		{"parties: a verb does not reach past a preposition",
			"فمثلا وقعت شركة توتال الفرنسية عقدا بقيمة خمسة مليارات دولار مع إيران بعد الاتفاق النووي مع القوى الكبرى.",
			[]want{{"الاتفاق النووي", "الاتفاق النووي", "agreement", "mentioned", nil, 0}}},
		{"a name ends where its clause's verb begins",
			"وقال إن الاتفاق النووي لم يردع طموحات إيران النووية.",
			[]want{{"الاتفاق النووي", "الاتفاق النووي", "agreement", "mentioned", nil, 0}}},
		{"a quoted judgement after a clause word is not the title",
			"ووصف الرئيس الفرنسي انسحاب ترامب من الاتفاق النووي بأنه \"خطأ\" كبير.",
			[]want{{"الاتفاق النووي", "الاتفاق النووي", "agreement", "mentioned", nil, 0}}},
		{"a place ends a name before a clause particle",
			"وبحسب البند الرابع من اتفاق سنغافورة فإن البلدين يتعهدان بإعادة الرفات.",
			[]want{{"اتفاق سنغافورة", "اتفاق سنغافورة", "agreement", "mentioned", nil, 0}}},
		{"a place inside the name does not end it",
			"وتعيد الدول الثلاث التفاوض على اتفاقية التجارة الحرة لشمال أمريكا منذ أشهر.",
			[]want{{"اتفاقية التجارة الحرة لشمال أمريكا", "اتفاقية التجارة الحرة لشمال أمريكا", "agreement", "mentioned", nil, 0}}},
		{"a person's name after a title stays in the name",
			"وأقر الكونغرس خطة الرئيس الأمريكي دونالد ترامب للضرائب.",
			[]want{{"خطة الرئيس الأمريكي دونالد ترامب للضرائب", "خطة الرئيس الأمريكي دونالد ترامب للضرائب", "action_plan", "approved", nil, 0}}},
		{"the indefinite accusative without its mark, with a complement",
			"وقعت الحكومة المصرية، السبت، اتفاقا جديدا للتمويل مع البنك الدولي بقيمة 300 مليون دولار.",
			[]want{{"اتفاقا جديدا للتمويل", "اتفاقا جديدا للتمويل", "agreement", "signed", []string{"EG"}, 0}}},
		{"the indefinite accusative ends before a word that does not agree",
			"وقال إنهم إذا أبرموا اتفاقا كهذا فسيخسرون.",
			nil},
		{"parties: the subject before the verb",
			"جدير بالذكر أن إسرائيل والأردن أبرما معاهدة سلام عام 1994.",
			[]want{{"معاهدة سلام", "معاهدة سلام", "treaty", "signed", []string{"IL", "JO"}, 1994}}},
		{"a document after another in the sentence does not share its action unless coordinated",
			"وكانت إيران قد أبرمت اتفاقا نفطيا مع مجموعة فيتول، لكن الرئيس الأميركي أعاد العقوبات عقب انسحاب بلاده من الاتفاق النووي.",
			[]want{{"اتفاقا نفطيا", "اتفاقا نفطيا", "agreement", "signed", []string{"IR"}, 0},
				{"الاتفاق النووي", "الاتفاق النووي", "agreement", "mentioned", nil, 0}}},
		{"quoted speech that opens with a document is not its title",
			"وقال المتحدث إن \"الاتفاق النووي وأية قضية أخرى بهذه الذريعة غير قابلة للتفاوض مطلقا\".",
			[]want{{"الاتفاق النووي", "الاتفاق النووي", "agreement", "mentioned", nil, 0}}},
		{"an agreement named by its subject after بشأن",
			"وقال الوزير إن الاتفاق بشأن الفترة الانتقالية يوفر الطمأنينة للشركات.",
			[]want{{"الاتفاق بشأن الفترة الانتقالية", "الاتفاق بشأن الفترة الانتقالية", "agreement", "mentioned", nil, 0}}},
		{"a construct chain of three nouns ending in a country",
			"حاولوا اقتحام اجتماع نظمه الحزب الحاكم لعرض مزايا اتفاق تغيير اسم مقدونيا.",
			[]want{{"اتفاق تغيير اسم مقدونيا", "اتفاق تغيير اسم مقدونيا", "agreement", "mentioned", nil, 0}}},
		{"a demonstrative breaks the chain",
			"ودعا القادة إلى تحويل الهدنة إلى معاهدة سلام هذا العام.",
			nil},
		{"two capitals agreeing on something",
			"وجاء اتفاق موسكو وواشنطن على عقد القمة بعد أشهر من التوتر.",
			nil},
		{"a participle after a definite head ends a name that names nothing",
			"وتظاهر الآلاف ضد الاتفاق المتعلق بتغيير اسم مقدونيا.",
			nil},
		{"a quote that opens with a preposition cites what was agreed",
			"وقال إن الاتفاق \"على شروط مقبولة\" سيستغرق وقتا.",
			nil},
		{"parties: a country before the signatory participle",
			"وتعد سوريا، الموقعة على معاهدة عدم انتشار الأسلحة النووية، ملزمة بالتعاون مع الوكالة.",
			[]want{{"معاهدة عدم انتشار الأسلحة النووية", "معاهدة عدم انتشار الأسلحة النووية", "treaty", "signed", []string{"SY"}, 0}}},
		{"parties: a conjunct after the name opens another phrase",
			"ودبت الخلافات حول قضايا مثل الاتفاق النووي الإيراني وطبيعة التعامل مع كوريا الشمالية.",
			[]want{{"الاتفاق النووي الإيراني", "الاتفاق النووي الإيراني", "agreement", "mentioned", nil, 0}}},
		{"a quoted judgement names nothing",
			"ووصف ترامب الاتفاق مرارا، إذ اعتبر أنه \"اتفاق رهيب\" للولايات المتحدة.",
			nil},
		{"a quoted plan named after a place is a name",
			"وتعارض المجموعة ما أصبح يعرف بـ\"خطة تشيكرز\" منذ أسابيع.",
			[]want{{"خطة تشيكرز", "خطة تشيكرز", "action_plan", "mentioned", nil, 0}}},
		{"a squad named with a tournament's year is no document",
			"ولم ينضم اللاعب إلى قائمة المنتخب في بطولة كأس العالم 2018 بروسيا.",
			nil},
		{"a quoted clause after a name is speech",
			"وقال الوزير إن الاتفاق \"لم يمت\" بعد الانسحاب الأميركي.",
			nil},
		{"the football club against its opponent",
			"وهناك ركلة جزاء غير صحيحة تم احتسابها للاتفاق أمام الفيصلي.",
			nil},
		{"a weekday after a bare head names nothing",
			"معلناً انسحاب بلاده من الاتفاق الثلاثاء.",
			nil},
		{"a demonstrative after the name is not part of it",
			"وجاء الكشف عن الخطة لإنشاء منطقة الاستثمار الضخمة تلك في مؤتمر الاستثمار.",
			[]want{{"الخطة لإنشاء منطقة الاستثمار الضخمة", "الخطة لإنشاء منطقة الاستثمار الضخمة", "action_plan", "mentioned", nil, 0}}},
		{"a bare indefinite head signed with named parties",
			"ووقعت السعودية اتفاقية مع مصر لتطوير أكثر من ألف كيلومتر من الطرق.",
			[]want{{"اتفاقية", "اتفاقية", "agreement", "signed", []string{"EG", "SA"}, 0}}},
		{"a definite document described, not named",
			"وقرر البرلمان منع الحزب من المشاركة في النقاش الدائر حول الاتفاق التاريخي مع الجارة.",
			nil},
		{"a quoted one-word judgement after a bare head",
			"وقال الوزير إن الاتفاق \"مهم\" للبلدين.",
			nil},
		{"a quoted year is part of the title",
			"وتهدف الندوة إلى تسليط الضوء على الركائز السبع لرؤية الكويت \"2035\" وتقدمها.",
			[]want{{"رؤية الكويت \"2035\"", "رؤية الكويت 2035", "vision", "mentioned", nil, 0}}},
		{"the aforementioned document is anaphoric",
			"وكشفت مصادر أن الاتفاق المذكور يشمل انسحاب القوات.",
			nil},
		{"parties: a company's nationality is not a party",
			"كما وقعت المؤسسة العامة للصناعات العسكرية مع بلو بولي الفرنسية اتفاقية لتصنيع الملابس العسكرية.",
			[]want{{"اتفاقية لتصنيع الملابس العسكرية", "اتفاقية لتصنيع الملابس العسكرية", "agreement", "signed", nil, 0}}},
		{"parties: a minister's counterpart named by nationality",
			"وقد وقعت وزيرة الثقافة الفرنسية مع نظيرها السعودي في باريس اتفاقية تعاون في مجالات الثقافة.",
			[]want{{"اتفاقية تعاون في مجالات الثقافة", "اتفاقية تعاون في مجالات الثقافة", "agreement", "signed", []string{"FR", "SA"}, 0}}},
		{"a memorandum signed by companies, with nothing after the head",
			"وعلى هامش المعرض وقعت شركة تقنية للطيران مذكرة تفاهم مع شركة بوينغ.",
			[]want{{"مذكرة تفاهم", "مذكرة تفاهم", "memorandum", "signed", nil, 0}}},
		{"a future signing",
			"ويصل القادة إلى طوكيو حيث سيوقعون اتفاق تبادل حر مع اليابان.",
			[]want{{"اتفاق تبادل حر", "اتفاق تبادل حر", "agreement", "signed", []string{"JP"}, 0}}},
		{"a programme titled by its year",
			"فقد جرى اختيارها في برنامج التحول الوطني 2023 كأحد القطاعات.",
			[]want{{"برنامج التحول الوطني 2023", "برنامج التحول الوطني 2023", "programme", "mentioned", nil, 0}}},
		// negatives
		{"reach agreement", "وتركزت المحادثات على التوصل لاتفاق هدنة طويلة الأمد مع حركة حماس.", nil},
		{"any agreement", "لم يتم توقيع أي اتفاق نهائي بين الطرفين.", nil},
		{"indefinite with adjectives only", "إن الولايات المتحدة والمكسيك تحققان تقدما بشأن إبرام اتفاق تجاري، مهددا كندا.", nil},
		{"a quoted citation", "قائلا إن الولايات المتحدة تعمل على \"اتفاق تجاري أوسع\" مع الصين.", nil},
		{"announcing that", "وذلك بعد إعلان موسكو أن القمة المرتقبة ستعقد في هلسنكي.", nil},
		{"a year is not a count", "أن مستقبل الاتفاق عقب العام 2025 والبرنامج الصاروخي غير قابلين للتفاوض.", nil},
		{"plural and relative clause", "تحويل الاتفاقات التي تم التوصل إليها إلى نتائج ملموسة", nil},
		{"anaphora", "ونحن نتطلع إلى أن تستكمل بقية دول المنطقة التوقيع على المعاهدة قريبًا، وقد رسّخت هذه المعاهدة مبادئ المساواة.", nil},
		{"an adjective", "صياغة رؤى مشتركة حول القضايا الاستراتيجية المتعلقة بحاضر آسيا الوسطى", nil},
		{"an announcement is not a declaration", "مع إعلان عقد من العمل لترشيد استخدام المياه في آسيا الوسطى", nil},
		{"a view is not a vision", "تمتلك رؤية واضحة لمصالحها ومسارات تطورها", nil},
	}
	e := New(resources.Default())
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := textdoc.New(tt.text, time.Time{})
			found := e.Find(d)
			if len(found) != len(tt.want) {
				var got []string
				for _, f := range found {
					got = append(got, tt.text[f.Span.Start:f.Span.End])
				}
				t.Fatalf("got %q, want %d agreements", got, len(tt.want))
			}
			for i, f := range found {
				w := tt.want[i]
				if w.parties == nil {
					w.parties = []string{}
				}
				surface := tt.text[f.Span.Start:f.Span.End]
				if surface != w.surface || f.Name != w.name || f.Type != w.typ || f.Action != w.action || !slices.Equal(f.Parties, w.parties) || f.Year != w.year {
					t.Errorf("agreement %d:\n got %q name=%q %s %s %v %d\nwant %+v", i, surface, f.Name, f.Type, f.Action, f.Parties, f.Year, w)
				}
			}
		})
	}
}
