window.YTD.like.part0 = [
  {
    "like": {
      "tweetId": "1700000000000000000",
      "fullText": "Info lowongan CPNS terbaru sudah dibuka di situs resmi BKN.",
      "expandedUrl": "https://twitter.com/i/web/status/1700000000000000000"
    }
  },
  {
    "like": {
      "tweetId": "1700000000000000001",
      "fullText": "Resep sambal matah yang segar untuk makan siang.",
      "expandedUrl": "https://twitter.com/i/web/status/1700000000000000001"
    }
  },
  {
    "like": {
      "tweetId": "1700000000000000002",
      "fullText": "Timnas Indonesia lolos ke babak berikutnya!",
      "expandedUrl": "https://twitter.com/i/web/status/1700000000000000002"
    }
  },
  {
    "like": {
      "tweetId": "1700000000000000003",
      "fullText": "Ayo menangkan Anies Muhaimin, coblos nomor 1! #AMINAjaDulu",
      "expandedUrl": "https://twitter.com/i/web/status/1700000000000000003"
    }
  },
  {
    "like": {
      "tweetId": "1700000000000000004",
      "fullText": "Cuaca cerah, saatnya jemur pakaian.",
      "expandedUrl": "https://twitter.com/i/web/status/1700000000000000004"
    }
  },
  {
    "like": {
      "tweetId": "1700000000000000005",
      "fullText": "Foto-foto pemandangan Danau Toba pagi ini indah sekali.",
      "expandedUrl": "https://twitter.com/i/web/status/1700000000000000005"
    }
  },
  {
    "like": {
      "tweetId": "1700000000000000006",
      "fullText": "Tips menabung untuk dana pendidikan anak.",
      "expandedUrl": "https://twitter.com/i/web/status/1700000000000000006"
    }
  },
  {
    "like": {
      "tweetId": "1700000000000000007",
      "fullText": "Kabar gembira: layanan SIM keliling hadir di kecamatan.",
      "expandedUrl": "https://twitter.com/i/web/status/1700000000000000007"
    }
  }
]