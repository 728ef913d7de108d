"""Word lists for the benchmark's made-up articles, written for it: news-like vocabulary in
Urdu, Hindi and English, and names whose three spellings are the same name."""

CONTENT_WORDS = {
    "ur": (
        "حکومت ملک معیشت دفاع تعاون معاہدہ سرحد امن سلامتی تجارت سرمایہ کاری ترقی منصوبہ اجلاس "
        "وفد مذاکرات تعلقات خطے عوام فوج پارلیمان قانون بجٹ ٹیکس توانائی بجلی گیس پانی زراعت "
        "صنعت برآمدات درآمدات قرض بینک مہنگائی روزگار تعلیم صحت ہسپتال سڑک ریلوے بندرگاہ منصوبے "
        "اہم نئے مضبوط مستقبل گزشتہ سال آئندہ ہفتے جاری مکمل شروع بہتر مشترکہ علاقائی عالمی "
        "بین الاقوامی اقتصادی سیاسی فوجی سفارتی دوطرفہ کے کی کا میں پر سے اور بھی ساتھ لیے"
    ).split(),
    "hi": (
        "सरकार देश अर्थव्यवस्था रक्षा सहयोग समझौता सीमा शांति सुरक्षा व्यापार निवेश विकास योजना बैठक "
        "प्रतिनिधिमंडल वार्ता संबंध क्षेत्र जनता सेना संसद कानून बजट कर ऊर्जा बिजली गैस पानी कृषि "
        "उद्योग निर्यात आयात ऋण बैंक महंगाई रोजगार शिक्षा स्वास्थ्य अस्पताल सड़क रेलवे बंदरगाह परियोजना "
        "महत्वपूर्ण नए मजबूत भविष्य पिछले साल अगले सप्ताह जारी पूरा शुरू बेहतर संयुक्त क्षेत्रीय वैश्विक "
        "अंतरराष्ट्रीय आर्थिक राजनीतिक सैन्य कूटनीतिक द्विपक्षीय के की का में पर से और भी साथ लिए"
    ).split(),
    "en": (
        "government country economy defence cooperation agreement border peace security trade investment "
        "development plan meeting delegation talks relations region people army parliament law budget tax "
        "energy power gas water farming industry exports imports loans bank inflation jobs education health "
        "hospital road railway port project important new strong future last year next week ongoing complete "
        "started better joint regional global international economic political military diplomatic bilateral "
        "the of in on with and also for to from"
    ).split(),
}

# How each language reports speech and attribution: {name} is the speaker, {content} the claim.
SPEECH = {
    "ur": "{name} نے کہا کہ {content}۔",
    "hi": "{name} ने कहा कि {content}।",
    "en": "{name} said that {content}.",
}
ACCORDING_TO = {
    "ur": "{name} کے مطابق {content}۔",
    "hi": "{name} के मुताबिक {content}।",
    "en": "According to {name}, {content}.",
}
ASSERTION = {"ur": "{content}۔", "hi": "{content}।", "en": "{content}."}
HEADLINE = {"ur": "{content}", "hi": "{content}", "en": "{content}"}
CHROME = {"ur": "مزید پڑھیں", "hi": "इसे भी पढ़ें", "en": "Read more"}
ROLE_TITLES = {"ur": "وزیر", "hi": "मंत्री", "en": "Minister"}

# (English, Urdu, Hindi) spellings of name parts.
FIRST_NAMES = [
    ("Ahmad", "احمد", "अहमद"), ("Ali", "علی", "अली"), ("Bilal", "بلال", "बिलाल"), ("Danish", "دانش", "दानिश"),
    ("Faisal", "فیصل", "फैसल"), ("Hamid", "حامد", "हामिद"), ("Imran", "عمران", "इमरान"), ("Javed", "جاوید", "जावेद"),
    ("Kamran", "کامران", "कामरान"), ("Khalid", "خالد", "खालिद"), ("Mahmood", "محمود", "महमूद"), ("Nadeem", "ندیم", "नदीम"),
    ("Omar", "عمر", "उमर"), ("Rashid", "راشد", "राशिद"), ("Salman", "سلمان", "सलमान"), ("Tariq", "طارق", "तारिक"),
    ("Usman", "عثمان", "उस्मान"), ("Waqar", "وقار", "वकार"), ("Yasir", "یاسر", "यासिर"), ("Zahid", "زاہد", "ज़ाहिद"),
    ("Amit", "امت", "अमित"), ("Rahul", "راہول", "राहुल"), ("Sanjay", "سنجے", "संजय"), ("Vijay", "وجے", "विजय"),
    ("Anil", "انل", "अनिल"), ("Sunil", "سنیل", "सुनील"), ("Rajesh", "راجیش", "राजेश"), ("Suresh", "سریش", "सुरेश"),
    ("Priya", "پریا", "प्रिया"), ("Sana", "ثنا", "सना"), ("Ayesha", "عائشہ", "आयशा"), ("Fatima", "فاطمہ", "फ़ातिमा"),
    ("Maryam", "مریم", "मरियम"), ("Nadia", "نادیہ", "नादिया"), ("Sarah", "سارہ", "सारा"), ("Zainab", "زینب", "ज़ैनब"),
    ("Sergey", "سرگئی", "सर्गेई"), ("Vladimir", "ولادیمیر", "व्लादिमीर"), ("John", "جان", "जॉन"), ("David", "ڈیوڈ", "डेविड"),
]
MIDDLE_NAMES = [
    ("Aslam", "اسلم", "असलम"), ("Akram", "اکرم", "अकरम"), ("Anwar", "انور", "अनवर"), ("Aziz", "عزیز", "अज़ीज़"),
    ("Farooq", "فاروق", "फ़ारूक़"), ("Hassan", "حسن", "हसन"), ("Iqbal", "اقبال", "इक़बाल"), ("Jamil", "جمیل", "जमील"),
    ("Karim", "کریم", "करीम"), ("Latif", "لطیف", "लतीफ़"), ("Majid", "ماجد", "माजिद"), ("Nasir", "ناصر", "नासिर"),
    ("Qasim", "قاسم", "क़ासिम"), ("Rafiq", "رفیق", "रफ़ीक़"), ("Saeed", "سعید", "सईद"), ("Shahid", "شاہد", "शाहिद"),
    ("Kumar", "کمار", "कुमार"), ("Prakash", "پرکاش", "प्रकाश"), ("Mohan", "موہن", "मोहन"), ("Lal", "لال", "लाल"),
    ("Ram", "رام", "राम"), ("Dev", "دیو", "देव"), ("Nath", "ناتھ", "नाथ"), ("Chand", "چند", "चंद"),
    ("Mir", "میر", "मीर"), ("Din", "دین", "दीन"), ("Ullah", "اللہ", "उल्लाह"), ("Bakhsh", "بخش", "बख़्श"),
    ("Nawaz", "نواز", "नवाज़"), ("Raza", "رضا", "रज़ा"),
]
SURNAMES = [
    ("Khan", "خان", "ख़ान"), ("Malik", "ملک", "मलिक"), ("Chaudhry", "چوہدری", "चौधरी"), ("Butt", "بٹ", "बट"),
    ("Qureshi", "قریشی", "क़ुरैशी"), ("Siddiqui", "صدیقی", "सिद्दीक़ी"), ("Hashmi", "ہاشمی", "हाशमी"), ("Abbasi", "عباسی", "अब्बासी"),
    ("Gillani", "گیلانی", "गिलानी"), ("Zardari", "زرداری", "ज़रदारी"), ("Sharif", "شریف", "शरीफ़"), ("Bhutto", "بھٹو", "भुट्टो"),
    ("Rana", "رانا", "राणा"), ("Awan", "اعوان", "अवान"), ("Janjua", "جنجوعہ", "जंजुआ"), ("Niazi", "نیازی", "नियाज़ी"),
    ("Sharma", "شرما", "शर्मा"), ("Verma", "ورما", "वर्मा"), ("Gupta", "گپتا", "गुप्ता"), ("Singh", "سنگھ", "सिंह"),
    ("Patel", "پٹیل", "पटेल"), ("Yadav", "یادو", "यादव"), ("Mishra", "مشرا", "मिश्रा"), ("Joshi", "جوشی", "जोशी"),
    ("Reddy", "ریڈی", "रेड्डी"), ("Nair", "نائر", "नायर"), ("Das", "داس", "दास"), ("Bose", "بوس", "बोस"),
    ("Ivanov", "ایوانوف", "इवानोव"), ("Petrov", "پیٹروف", "पेट्रोव"), ("Smith", "سمتھ", "स्मिथ"), ("Brown", "براؤن", "ब्राउन"),
    ("Mirza", "مرزا", "मिर्ज़ा"), ("Baig", "بیگ", "बेग"), ("Shah", "شاہ", "शाह"), ("Haider", "حیدر", "हैदर"),
    ("Javed", "جاوید", "जावेद"), ("Aslam", "اسلم", "असलम"), ("Tarar", "تارڑ", "तारड़"), ("Cheema", "چیمہ", "चीमा"),
    ("Warraich", "وڑائچ", "वड़ैच"), ("Bajwa", "باجوہ", "बाजवा"), ("Munir", "منیر", "मुनीर"), ("Lodhi", "لودھی", "लोधी"),
]
# The few persons most articles name, as a newsroom's database has them.
POPULAR_PERSONS = [
    ("Qamar Javed Bajwa", "قمر جاوید باجوہ", "कमर जावेद बाजवा"),
    ("Imran Khan", "عمران خان", "इमरान ख़ान"),
    ("Asim Munir", "عاصم منیر", "असीम मुनीर"),
    ("Narendra Modi", "نریندر مودی", "नरेंद्र मोदी"),
    ("Sergey Lavrov", "سرگئی لاروف", "सर्गेई लावरोव"),
]

ORGANISATION_PLACES = [
    ("Punjab", "پنجاب", "पंजाब"), ("Sindh", "سندھ", "सिंध"), ("Balochistan", "بلوچستان", "बलूचिस्तान"),
    ("Delhi", "دہلی", "दिल्ली"), ("Mumbai", "ممبئی", "मुंबई"), ("Lahore", "لاہور", "लाहौर"), ("Karachi", "کراچی", "कराची"),
    ("Islamabad", "اسلام آباد", "इस्लामाबाद"), ("Moscow", "ماسکو", "मास्को"), ("Kabul", "کابل", "काबुल"),
    ("Beijing", "بیجنگ", "बीजिंग"), ("Tehran", "تہران", "तेहरान"), ("Dhaka", "ڈھاکہ", "ढाका"), ("Kolkata", "کولکتہ", "कोलकाता"),
    ("Chennai", "چنئی", "चेन्नई"), ("Peshawar", "پشاور", "पेशावर"), ("Quetta", "کوئٹہ", "क्वेटा"), ("Multan", "ملتان", "मुल्तान"),
    ("Jaipur", "جے پور", "जयपुर"), ("Lucknow", "لکھنؤ", "लखनऊ"),
]
ORGANISATION_FIELDS = [
    ("Energy", "توانائی", "ऊर्जा"), ("Trade", "تجارت", "व्यापार"), ("Defence", "دفاع", "रक्षा"), ("Health", "صحت", "स्वास्थ्य"),
    ("Education", "تعلیم", "शिक्षा"), ("Water", "پانی", "जल"), ("Railway", "ریلوے", "रेलवे"), ("Finance", "مالیات", "वित्त"),
    ("Farmers", "کسان", "किसान"), ("Industry", "صنعت", "उद्योग"), ("Media", "میڈیا", "मीडिया"), ("Police", "پولیس", "पुलिस"),
    ("Transport", "ٹرانسپورٹ", "परिवहन"), ("Housing", "ہاؤسنگ", "आवास"), ("Labour", "مزدور", "श्रम"),
    ("Science", "سائنس", "विज्ञान"), ("Sports", "کھیل", "खेल"), ("Culture", "ثقافت", "संस्कृति"), ("Tourism", "سیاحت", "पर्यटन"),
    ("Banking", "بینکاری", "बैंकिंग"),
]
ORGANISATION_BODIES = [
    ("Authority", "اتھارٹی", "प्राधिकरण"), ("Council", "کونسل", "परिषद"), ("Committee", "کمیٹی", "समिति"),
    ("Board", "بورڈ", "बोर्ड"), ("Association", "ایسوسی ایشن", "संघ"), ("Commission", "کمیشن", "आयोग"),
    ("Department", "محکمہ", "विभाग"), ("Union", "یونین", "यूनियन"), ("Forum", "فورم", "मंच"), ("Institute", "انسٹی ٹیوٹ", "संस्थान"),
    ("Agency", "ایجنسی", "एजेंसी"), ("Bureau", "بیورو", "ब्यूरो"), ("Corporation", "کارپوریشن", "निगम"),
    ("Foundation", "فاؤنڈیشن", "फाउंडेशन"), ("Society", "سوسائٹی", "सोसाइटी"), ("Federation", "فیڈریشن", "महासंघ"),
    ("Chamber", "چیمبر", "चैंबर"), ("Network", "نیٹ ورک", "नेटवर्क"), ("Alliance", "اتحاد", "गठबंधन"),
    ("Trust", "ٹرسٹ", "ट्रस्ट"), ("Centre", "سینٹر", "केंद्र"), ("Office", "دفتر", "कार्यालय"), ("Ministry", "وزارت", "मंत्रालय"),
    ("Cell", "سیل", "प्रकोष्ठ"), ("Wing", "ونگ", "शाखा"),
]
PLACES = ["Islamabad", "Rawalpindi", "New Delhi", "Moscow", "Lahore", "Karachi", "Beijing", "Kabul", "Mumbai", ""]
PUBLISHERS = ["Daily Jang", "Dawn", "BBC Urdu", "Neo News", "Dainik Jagran", "Amar Ujala", "The Hindu",
              "Express Tribune", "Navbharat Times", "Geo News"]
