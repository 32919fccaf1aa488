"""Words before an honorific that are no person: platforms, roles, and the tools and services of the trade.

Japanese writers give an honorific to things as readily as to people (Google先生, Excel先生に聞く, Windowsさまが
落ちた, Payoneerさまの手数料), and a Latin word before an honorific is taken for a name unless it is listed here
(:func:`taikai.privacy._name_words.allowed`). Entries are lower case and compared with each word's lower-cased surface.

What goes in: the names of products and services the reviews' writers (freelancers, sellers, creators) work with,
by group below, and roles. What stays out: a word that is also a common given name or surname (Ruby, Julia, Alexa,
Claude, Swift, Dell): a real name must stay masked, and such a tool before an honorific is masked with it. All-caps
words of two to four letters without a vowel (PDF, SNS, HTML, PHP) are acronyms and need no entry; the acronyms
with one (SEO, API, AWS, AI) are listed, since most all-caps short words before an honorific are stage names
(JOYさん, IKKOさん, MAYAさん).
"""

from __future__ import annotations

import re

_KANA = (
    # Platforms and roles UniDic tags as person names, or does not know (an unknown word before an honorific would
    # be a name).
    *("サグー", "シュフティ", "ココナラ", "ランサーズ", "ランサー", "クラウドワークス", "ライター", "ワーカー"),
    *("クライアント", "ユーチューバー", "バレンタイン", "サンタ"),
    *("メンティー", "メンター", "フォロワー", "リスナー", "ユーザー", "オーナー", "ディレクター", "デザイナー"),
    *("エンジニア", "クリエイター", "イラストレーター", "アシスタント", "パートナー", "バイヤー", "セラー"),
    *("スタッフ", "オペレーター", "マネージャー", "マネジャー", "コーチ", "メンバー", "リーダー", "プロデューサー"),
    *("エディター", "チューター", "トレーナー", "インフルエンサー", "ブロガー", "ストリーマー", "サポーター", "ファン"),
)
# The corpus's platforms and their nicknames (data/GUIDELINES.md: ランサ, クラワ), and the services freelancers move to
# (delivery, gig work, flea markets, payment, job sites): a writer thanks or blames them with an honorific
# (シュフティさん、ありがとうございました; クラワさんで修正9回目; 昨日サグーワークスさんから連絡). 楽天 is also a given
# name, but before an honorific in a review it is the company.
_SERVICES_KANA = (
    *("ランサ", "クラワ", "サグーワークス", "シノビライティング", "ストアカ", "ストリートアカデミー"),
    *("タイムチケット", "タイチケ", "スキマ", "スケブ", "メンタ", "ビズシーク", "ママワークス", "ワディット"),
    *("レバテック", "ビザスク", "ジョブハブ", "インディード", "ウォンテッドリー", "リクナビ", "マイナビ", "バイトル"),
    *("ウーバー", "ウーバーイーツ", "ウバ", "ウォルト", "出前館", "タイミー", "シェアフル", "メルカリ"),
    *("タスカジ", "エニタイムズ"),
    # Home work and crowdsourcing firms UniDic tags as names or does not know (ニッセンさんの内職, アイドマさんの在宅
    # ワーク, クラウディアさんで案件: Craudia, the platform, though Claudia is a given name too).
    *("ニッセン", "アイドマ", "クラウディア"),
    *("メルカリショップス", "ラクマ", "ミンネ", "クリーマ", "ジモティー", "ヤフオク", "ペイペイ", "ペイパル"),
    *("アマゾン", "楽天", "ベース", "ストアーズ", "ミツモア", "ビズリーチ", "リクルート", "ドコモ", "ソフトバンク"),
)
_ROLES = (
    *("admin", "user", "client", "writer", "designer", "engineer", "staff", "support", "team", "owner", "manager"),
    *("director", "editor", "creator", "member", "leader", "partner", "seller", "buyer", "customer", "freelancer"),
    *("sponsor", "bot", "youtuber", "vtuber", "ol"),
)
_FREELANCE = (  # platforms for freelance and creative work, and job sites
    *("lancers", "crowdworks", "coconala", "shufti", "upwork", "fiverr", "toptal", "peopleperhour", "freelancer"),
    *("bizseek", "skima", "skeb", "pixiv", "booth", "fanbox", "patreon", "note", "indeed", "wantedly", "linkedin"),
    *("timeticket", "sagooo", "menta", "streetacademy", "jobhub", "visasq", "levtech", "mamaworks", "jimoty"),
    *("taskaji", "anytimes"),
)
_SOCIAL = (  # social networks, messaging and video calls
    *("line", "twitter", "facebook", "instagram", "tiktok", "youtube", "twitch", "threads", "mixi", "discord"),
    *("slack", "chatwork", "zoom", "skype", "teams", "meet", "messenger", "whatsapp", "telegram", "gmail"),
)
_SEARCH_AI = (  # search, reference, translation and AI assistants
    *("google", "yahoo", "bing", "wikipedia", "wiki", "siri", "cortana", "chatgpt", "gpt", "openai", "gemini"),
    *("bard", "copilot", "perplexity", "deepl", "grammarly", "midjourney", "ai"),
)
_TOOLS = (  # office, operating systems, design and development tools
    *("excel", "word", "powerpoint", "outlook", "office", "windows", "mac", "macos", "macbook", "imac"),
    *("ipad", "iphone", "ios", "android", "linux", "ubuntu", "chrome", "safari", "firefox", "edge", "dropbox"),
    *("notion", "evernote", "trello", "asana", "backlog", "jira", "kintone", "canva", "figma", "photoshop"),
    *("illustrator", "premiere", "lightroom", "indesign", "acrobat", "adobe", "clipstudio", "procreate", "blender"),
    *("unity", "python", "java", "javascript", "typescript", "php", "perl", "golang", "rust", "kotlin"),
    *("wordpress", "github", "gitlab", "git", "docker", "aws", "azure", "gcp", "vscode", "xcode"),
    *("microsoft", "apple", "intel", "lenovo", "hp", "nec", "fujitsu", "sony", "epson", "canon"),
    *("sql", "api", "seo", "ui", "ux", "it", "ceo", "cto", "ec", "ad", "pc"),
)
_COMMERCE = (  # payment, banking, shops and e-commerce builders
    *("paypal", "payoneer", "stripe", "wise", "square", "paypay", "payeer", "revolut", "visa", "mastercard", "jcb"),
    *("amazon", "rakuten", "mercari", "ebay", "etsy", "shopify", "base", "stores", "minne", "creema", "wix"),
    *("webflow", "squarespace", "woocommerce", "freee", "moneyforward", "yayoi", "misoca", "rakuma", "uber"),
    *("ubereats", "wolt", "demaecan", "timee", "sharefull"),
)
_COMPANIES = ("kddi", "ntt", "docomo", "softbank", "gmo", "recruit", "bizreach", "meetsmore")

NOT_NAMES = frozenset(
    (*_KANA, *_SERVICES_KANA, *_ROLES, *_FREELANCE, *_SOCIAL, *_SEARCH_AI, *_TOOLS, *_COMMERCE, *_COMPANIES)
)
"""Words (lower case) that are no person's name before an honorific."""

_ACRONYM = re.compile(r"[B-DF-HJ-NP-TV-XZ]{2,4}")


def is_acronym(word: str) -> bool:
    """Whether *word* is an all-caps word of two to four letters without a vowel (PDF, SNS, HTML): no name."""
    return bool(_ACRONYM.fullmatch(word))


# The words that end a shop's or a company's name (三省堂, 文教堂, 博報堂: UniDic reads 三省 + 堂 as a surname and a
# given name, 博報 + 堂 as a noun and a surname).
_SHOP_WORDS = frozenset({"堂", "社", "舎", "館", "房", "屋", "店", "商店", "書店", "書房", "工房", "商会", "出版"})
_KANJI = re.compile(r"[\u4e00-\u9fff々]+")


def is_company(run: list[str], glued: str) -> bool:
    """Whether the words *run* before an honorific, *glued* after the kanji word *glued* (or ``""``), name a company:
    two or more words ending in a shop's word (三省 + 堂), or one kanji glued after a kanji word (博報 + 堂): a
    name never starts inside a kanji word."""
    if len(run) > 1 and run[-1] in _SHOP_WORDS and _KANJI.fullmatch("".join(run)):
        return True
    return bool(glued) and len(run) == 1 and len(run[0]) == 1 and bool(_KANJI.fullmatch(glued + run[0]))
