window.__THAR_CONFIG = {
  "userInfo": {
    "accountId": "900000001",
    "userName": "budi_asn_contoh",
    "displayName": "Budi Santoso (contoh)"
  },
  "archiveInfo": {
    "sizeBytes": "120000",
    "generationDate": "2025-06-30T10:00:00.000Z",
    "isPartialArchive": false,
    "maxPartSizeBytes": "53687091200"
  },
  "readmeInfo": {
    "fileName": "data/README.txt",
    "directory": "data/",
    "name": "README.txt"
  },
  "dataTypes": {
    "account": {
      "files": [
        {
          "fileName": "data/account.js",
          "globalName": "YTD.account.part0",
          "count": "1"
        }
      ]
    },
    "following": {
      "files": [
        {
          "fileName": "data/following.js",
          "globalName": "YTD.following.part0",
          "count": "12"
        }
      ]
    },
    "like": {
      "files": [
        {
          "fileName": "data/like.js",
          "globalName": "YTD.like.part0",
          "count": "8"
        }
      ]
    },
    "noteTweet": {
      "files": [
        {
          "fileName": "data/note-tweet.js",
          "globalName": "YTD.note_tweet.part0",
          "count": "1"
        }
      ]
    },
    "profile": {
      "files": [
        {
          "fileName": "data/profile.js",
          "globalName": "YTD.profile.part0",
          "count": "1"
        }
      ]
    },
    "tweets": {
      "files": [
        {
          "fileName": "data/tweets.js",
          "globalName": "YTD.tweets.part0",
          "count": "50"
        }
      ]
    },
    "directMessages": {
      "files": [
        {
          "fileName": "data/direct-messages.js",
          "globalName": "YTD.direct_messages.part0",
          "count": "0"
        }
      ]
    }
  }
}