"""The messengers, mail services and sites whose handles name a person: the ID finders look for a handle after
their names, and an e-mail address's finder leaves a handle glued after one (Instagram@taro.yamada) to them."""

MESSENGERS = (
    "LINE|ライン|らいん|Chatwork|チャットワーク|チャトワ|Discord|ディスコード|ディスコ|Skype|スカイプ|WeChat|"
    "ウィーチャット|微信|Telegram|テレグラム|Slack|スラック|Instagram|インスタグラム|インスタ|Twitter|ツイッター|ツイ(?=垢|アカ)|"
    "Facebook|フェイスブック|Messenger|KakaoTalk|カカオトーク|カカオ|TikTok|Threads|Signal|WhatsApp|Teams|X"
)
# Mail services and sites whose handle names a person (Gmail: yamada.taro, GitHub: tanaka-dev, note: tanaka_writer):
# after a colon or =, a mail service's handle is any value with a letter, another site's one with a digit or a mark
# (GitHub: main, YouTube: shorts stay), unless a word such as ID names it.
MAIL_SERVICES = "Gmail|Yahoo!?[ ]?(?:メール|Mail)|ヤフーメール|Outlook|Hotmail|iCloud|Gメール|ジーメール"
SITES = "GitHub|GitLab|Qiita|Zenn|note|pixiv|Skeb|YouTube|Twitch|Steam|Bluesky|Misskey|Mastodon|Pinterest|Tumblr|Reddit"
