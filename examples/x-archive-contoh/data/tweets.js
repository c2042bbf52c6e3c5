window.YTD.tweets.part0 = [
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1630000000018540000"
          ],
          "editableUntil": "2025-01-01T00:00:00.000Z",
          "editsRemaining": "5",
          "isEditEligible": false
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "69"
      ],
      "favorite_count": "15",
      "id_str": "1630000000018540000",
      "truncated": false,
      "retweet_count": "0",
      "id": "1630000000018540000",
      "created_at": "Wed Mar 01 05:09:00 +0000 2023",
      "favorited": false,
      "full_text": "Selamat pagi semua, semoga hari ini penuh berkah dan lancar kerjanya.",
      "lang": "in"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1630000001492860001"
          ],
          "editableUntil": "2025-01-01T00:00:00.000Z",
          "editsRemaining": "5",
          "isEditEligible": false
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "93"
      ],
      "favorite_count": "36",
      "id_str": "1630000001492860001",
      "truncated": false,
      "retweet_count": "2",
      "id": "1630000001492860001",
      "created_at": "Sat Mar 18 06:41:00 +0000 2023",
      "favorited": false,
      "full_text": "Alhamdulillah pelayanan KTP elektronik di kecamatan hari ini selesai lebih cepat dari target.",
      "lang": "in"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1630000002937840002"
          ],
          "editableUntil": "2025-01-01T00:00:00.000Z",
          "editsRemaining": "5",
          "isEditEligible": false
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "56"
      ],
      "favorite_count": "33",
      "id_str": "1630000002937840002",
      "truncated": false,
      "retweet_count": "3",
      "id": "1630000002937840002",
      "created_at": "Tue Apr 04 00:04:00 +0000 2023",
      "favorited": false,
      "full_text": "Hujan deras sore ini, hati-hati di jalan ya teman-teman.",
      "lang": "in"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1630000004435560003"
          ],
          "editableUntil": "2025-01-01T00:00:00.000Z",
          "editsRemaining": "5",
          "isEditEligible": false
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "78"
      ],
      "favorite_count": "21",
      "id_str": "1630000004435560003",
      "truncated": false,
      "retweet_count": "5",
      "id": "1630000004435560003",
      "created_at": "Fri Apr 21 08:06:00 +0000 2023",
      "favorited": false,
      "full_text": "Baru selesai pelatihan penyusunan anggaran berbasis kinerja. Banyak ilmu baru.",
      "lang": "in"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1630000005895420004"
          ],
          "editableUntil": "2025-01-01T00:00:00.000Z",
          "editsRemaining": "5",
          "isEditEligible": false
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "77"
      ],
      "favorite_count": "28",
      "id_str": "1630000005895420004",
      "truncated": false,
      "retweet_count": "2",
      "id": "1630000005895420004",
      "created_at": "Mon May 08 05:37:00 +0000 2023",
      "favorited": false,
      "full_text": "Nasi goreng kambing depan kantor memang juara, porsinya pas buat makan siang.",
      "lang": "in"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1630000007347480005"
          ],
          "editableUntil": "2025-01-01T00:00:00.000Z",
          "editsRemaining": "5",
          "isEditEligible": false
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "53"
      ],
      "favorite_count": "38",
      "id_str": "1630000007347480005",
      "truncated": false,
      "retweet_count": "0",
      "id": "1630000007347480005",
      "created_at": "Thu May 25 00:58:00 +0000 2023",
      "favorited": false,
      "full_text": "Jangan lupa lapor SPT tahunan sebelum akhir Maret ya.",
      "lang": "in"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1630000008842380006"
          ],
          "editableUntil": "2025-01-01T00:00:00.000Z",
          "editsRemaining": "5",
          "isEditEligible": false
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "76"
      ],
      "favorite_count": "7",
      "id_str": "1630000008842380006",
      "truncated": false,
      "retweet_count": "4",
      "id": "1630000008842380006",
      "created_at": "Sun Jun 11 08:13:00 +0000 2023",
      "favorited": false,
      "full_text": "Anak-anak latihan menari untuk pentas tujuh belasan, bangga sekali lihatnya.",
      "lang": "in"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1630000010281900007"
          ],
          "editableUntil": "2025-01-01T00:00:00.000Z",
          "editsRemaining": "5",
          "isEditEligible": false
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "65"
      ],
      "favorite_count": "26",
      "id_str": "1630000010281900007",
      "truncated": false,
      "retweet_count": "1",
      "id": "1630000010281900007",
      "created_at": "Wed Jun 28 00:05:00 +0000 2023",
      "favorited": false,
      "full_text": "Rapat koordinasi pagi ini membahas jadwal vaksinasi di puskesmas.",
      "lang": "in"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1630000011773560008"
          ],
          "editableUntil": "2025-01-01T00:00:00.000Z",
          "editsRemaining": "5",
          "isEditEligible": false
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "64"
      ],
      "favorite_count": "21",
      "id_str": "1630000011773560008",
      "truncated": false,
      "retweet_count": "1",
      "id": "1630000011773560008",
      "created_at": "Sat Jul 15 06:26:00 +0000 2023",
      "favorited": false,
      "full_text": "Olahraga bersama setiap Jumat pagi, sehat itu murah kalau rutin.",
      "lang": "in"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1630000013223700009"
          ],
          "editableUntil": "2025-01-01T00:00:00.000Z",
          "editsRemaining": "5",
          "isEditEligible": false
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "81"
      ],
      "favorite_count": "31",
      "id_str": "1630000013223700009",
      "truncated": false,
      "retweet_count": "3",
      "id": "1630000013223700009",
      "created_at": "Tue Aug 01 01:15:00 +0000 2023",
      "favorited": false,
      "full_text": "Terima kasih untuk rekan-rekan yang sudah membantu pindahan arsip ke gedung baru.",
      "lang": "in"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1630000013345500010"
          ],
          "editableUntil": "2025-01-01T00:00:00.000Z",
          "editsRemaining": "5",
          "isEditEligible": false
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "122"
      ],
      "favorite_count": "2",
      "id_str": "1630000013345500010",
      "truncated": false,
      "retweet_count": "5",
      "id": "1630000013345500010",
      "created_at": "Wed Aug 02 11:05:00 +0000 2023",
      "favorited": false,
      "full_text": "PENTING!! Sebarkan sebelum dihapus: mulai besok semua rekening bank diblokir pemerintah, info dari grup sebelah. Viralkan!",
      "lang": "in"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1630000014693700011"
          ],
          "editableUntil": "2025-01-01T00:00:00.000Z",
          "editsRemaining": "5",
          "isEditEligible": false
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "53"
      ],
      "favorite_count": "4",
      "id_str": "1630000014693700011",
      "truncated": false,
      "retweet_count": "4",
      "id": "1630000014693700011",
      "created_at": "Fri Aug 18 01:35:00 +0000 2023",
      "favorited": false,
      "full_text": "Macet panjang di tol, sepertinya ada perbaikan jalan.",
      "lang": "in"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1630000016178580012"
          ],
          "editableUntil": "2025-01-01T00:00:00.000Z",
          "editsRemaining": "5",
          "isEditEligible": false
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "70"
      ],
      "favorite_count": "36",
      "id_str": "1630000016178580012",
      "truncated": false,
      "retweet_count": "2",
      "id": "1630000016178580012",
      "created_at": "Mon Sep 04 06:03:00 +0000 2023",
      "favorited": false,
      "full_text": "Membaca buku tentang kepemimpinan pelayanan publik, rekomendasi bagus.",
      "lang": "in"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1630000017658420013"
          ],
          "editableUntil": "2025-01-01T00:00:00.000Z",
          "editsRemaining": "5",
          "isEditEligible": false
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "74"
      ],
      "favorite_count": "21",
      "id_str": "1630000017658420013",
      "truncated": false,
      "retweet_count": "5",
      "id": "1630000017658420013",
      "created_at": "Thu Sep 21 09:07:00 +0000 2023",
      "favorited": false,
      "full_text": "Kopi tubruk dan pisang goreng, kombinasi sempurna untuk sore yang mendung.",
      "lang": "in"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1630000019107600014"
          ],
          "editableUntil": "2025-01-01T00:00:00.000Z",
          "editsRemaining": "5",
          "isEditEligible": false
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "77"
      ],
      "favorite_count": "22",
      "id_str": "1630000019107600014",
      "truncated": false,
      "retweet_count": "4",
      "id": "1630000019107600014",
      "created_at": "Sun Oct 08 03:40:00 +0000 2023",
      "favorited": false,
      "full_text": "Sistem antrean online di kantor sudah jalan, warga tidak perlu menunggu lama.",
      "lang": "in"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1630000020601420015"
          ],
          "editableUntil": "2025-01-01T00:00:00.000Z",
          "editsRemaining": "5",
          "isEditEligible": false
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "54"
      ],
      "favorite_count": "31",
      "id_str": "1630000020601420015",
      "truncated": false,
      "retweet_count": "4",
      "id": "1630000020601420015",
      "created_at": "Wed Oct 25 10:37:00 +0000 2023",
      "favorited": false,
      "full_text": "Selamat hari guru untuk semua guru hebat di Indonesia.",
      "lang": "in"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1630000022034160016"
          ],
          "editableUntil": "2025-01-01T00:00:00.000Z",
          "editsRemaining": "5",
          "isEditEligible": false
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "55"
      ],
      "favorite_count": "29",
      "id_str": "1630000022034160016",
      "truncated": false,
      "retweet_count": "0",
      "id": "1630000022034160016",
      "created_at": "Sat Nov 11 00:36:00 +0000 2023",
      "favorited": false,
      "full_text": "Kucing di rumah baru melahirkan tiga anak, lucu sekali.",
      "lang": "in"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1630000023534700017"
          ],
          "editableUntil": "2025-01-01T00:00:00.000Z",
          "editsRemaining": "5",
          "isEditEligible": false
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "70"
      ],
      "favorite_count": "5",
      "id_str": "1630000023534700017",
      "truncated": false,
      "retweet_count": "2",
      "id": "1630000023534700017",
      "created_at": "Tue Nov 28 09:25:00 +0000 2023",
      "favorited": false,
      "full_text": "Pilih menu sehat untuk makan siang: sayur asem, tempe, dan ikan bakar.",
      "lang": "in"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1630000024970440018"
          ],
          "editableUntil": "2025-01-01T00:00:00.000Z",
          "editsRemaining": "5",
          "isEditEligible": false
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "55"
      ],
      "favorite_count": "30",
      "id_str": "1630000024970440018",
      "truncated": false,
      "retweet_count": "5",
      "id": "1630000024970440018",
      "created_at": "Fri Dec 15 00:14:00 +0000 2023",
      "favorited": false,
      "full_text": "Antrean nomor 2 di loket sudah dipanggil, silakan maju.",
      "lang": "in"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1630000026440500019"
          ],
          "editableUntil": "2025-01-01T00:00:00.000Z",
          "editsRemaining": "5",
          "isEditEligible": false
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "69"
      ],
      "favorite_count": "4",
      "id_str": "1630000026440500019",
      "truncated": false,
      "retweet_count": "0",
      "id": "1630000026440500019",
      "created_at": "Mon Jan 01 00:35:00 +0000 2024",
      "favorited": false,
      "full_text": "Rahasia dapur ibu: bawang putih digoreng dulu sebelum masuk ke sayur.",
      "lang": "in"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1630000027660000020"
          ],
          "editableUntil": "2025-01-01T00:00:00.000Z",
          "editsRemaining": "5",
          "isEditEligible": false
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [
          {
            "text": "PrabowoGibran2024",
            "indices": [
              "76",
              "94"
            ]
          }
        ],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "94"
      ],
      "favorite_count": "19",
      "id_str": "1630000027660000020",
      "truncated": false,
      "retweet_count": "5",
      "id": "1630000027660000020",
      "created_at": "Mon Jan 15 03:20:00 +0000 2024",
      "favorited": false,
      "full_text": "Ayo coblos nomor 2 tanggal 14 Februari! Dukung Prabowo Gibran sampai menang #PrabowoGibran2024",
      "lang": "in"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1630000027915480021"
          ],
          "editableUntil": "2025-01-01T00:00:00.000Z",
          "editsRemaining": "5",
          "isEditEligible": false
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "82"
      ],
      "favorite_count": "36",
      "id_str": "1630000027915480021",
      "truncated": false,
      "retweet_count": "5",
      "id": "1630000027915480021",
      "created_at": "Thu Jan 18 02:18:00 +0000 2024",
      "favorited": false,
      "full_text": "Slot parkir di kantor sekarang ditambah, tidak perlu parkir di pinggir jalan lagi.",
      "lang": "in"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1630000029398140022"
          ],
          "editableUntil": "2025-01-01T00:00:00.000Z",
          "editsRemaining": "5",
          "isEditEligible": false
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "81"
      ],
      "favorite_count": "28",
      "id_str": "1630000029398140022",
      "truncated": false,
      "retweet_count": "2",
      "id": "1630000029398140022",
      "created_at": "Sun Feb 04 06:09:00 +0000 2024",
      "favorited": false,
      "full_text": "Sore ini bersih-bersih selokan bersama warga RT, kerja bakti memang menyenangkan.",
      "lang": "in"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1630000030874020023"
          ],
          "editableUntil": "2025-01-01T00:00:00.000Z",
          "editsRemaining": "5",
          "isEditEligible": false
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "75"
      ],
      "favorite_count": "24",
      "id_str": "1630000030874020023",
      "truncated": false,
      "retweet_count": "5",
      "id": "1630000030874020023",
      "created_at": "Wed Feb 21 08:07:00 +0000 2024",
      "favorited": false,
      "full_text": "Materi sosialisasi pencegahan stunting sudah diunggah di situs resmi dinas.",
      "lang": "in"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1630000032347140024"
          ],
          "editableUntil": "2025-01-01T00:00:00.000Z",
          "editsRemaining": "5",
          "isEditEligible": false
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "84"
      ],
      "favorite_count": "22",
      "id_str": "1630000032347140024",
      "truncated": false,
      "retweet_count": "0",
      "id": "1630000032347140024",
      "created_at": "Sat Mar 09 09:19:00 +0000 2024",
      "favorited": false,
      "full_text": "Pertandingan bulu tangkis tadi malam seru sekali, Indonesia menang dua set langsung.",
      "lang": "in"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1630000033814320025"
          ],
          "editableUntil": "2025-01-01T00:00:00.000Z",
          "editsRemaining": "5",
          "isEditEligible": false
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "82"
      ],
      "favorite_count": "29",
      "id_str": "1630000033814320025",
      "truncated": false,
      "retweet_count": "2",
      "id": "1630000033814320025",
      "created_at": "Tue Mar 26 08:52:00 +0000 2024",
      "favorited": false,
      "full_text": "Jangan percaya pesan berantai yang minta data pribadi, selalu cek sumber resminya.",
      "lang": "in"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1630000035287860026"
          ],
          "editableUntil": "2025-01-01T00:00:00.000Z",
          "editsRemaining": "5",
          "isEditEligible": false
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "60"
      ],
      "favorite_count": "10",
      "id_str": "1630000035287860026",
      "truncated": false,
      "retweet_count": "4",
      "id": "1630000035287860026",
      "created_at": "Fri Apr 12 10:11:00 +0000 2024",
      "favorited": false,
      "full_text": "Latihan evakuasi kebakaran di gedung kantor berjalan tertib.",
      "lang": "in"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1630000036725820027"
          ],
          "editableUntil": "2025-01-01T00:00:00.000Z",
          "editsRemaining": "5",
          "isEditEligible": false
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "51"
      ],
      "favorite_count": "7",
      "id_str": "1630000036725820027",
      "truncated": false,
      "retweet_count": "3",
      "id": "1630000036725820027",
      "created_at": "Mon Apr 29 01:37:00 +0000 2024",
      "favorited": false,
      "full_text": "Ibu saya ulang tahun hari ini, semoga sehat selalu.",
      "lang": "in"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1630000037723200028"
          ],
          "editableUntil": "2025-01-01T00:00:00.000Z",
          "editsRemaining": "5",
          "isEditEligible": false
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [
          {
            "name": "warga_resek",
            "screen_name": "warga_resek",
            "indices": [
              "0",
              "12"
            ],
            "id_str": "1000",
            "id": "1000"
          }
        ],
        "urls": []
      },
      "display_text_range": [
        "0",
        "57"
      ],
      "favorite_count": "3",
      "id_str": "1630000037723200028",
      "truncated": false,
      "retweet_count": "1",
      "id": "1630000037723200028",
      "created_at": "Fri May 10 14:40:00 +0000 2024",
      "favorited": false,
      "full_text": "@warga_resek dasar goblok lu, kerjanya cuma nyinyir doang",
      "lang": "in",
      "in_reply_to_status_id_str": "1790000000000000001",
      "in_reply_to_status_id": "1790000000000000001",
      "in_reply_to_screen_name": "warga_resek",
      "in_reply_to_user_id": "2000",
      "in_reply_to_user_id_str": "2000"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1630000038223600029"
          ],
          "editableUntil": "2025-01-01T00:00:00.000Z",
          "editsRemaining": "5",
          "isEditEligible": false
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "71"
      ],
      "favorite_count": "18",
      "id_str": "1630000038223600029",
      "truncated": false,
      "retweet_count": "1",
      "id": "1630000038223600029",
      "created_at": "Thu May 16 09:40:00 +0000 2024",
      "favorited": false,
      "full_text": "Anjing tetangga menggonggong terus semalaman, mungkin ada kucing lewat.",
      "lang": "in"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1630000039669780030"
          ],
          "editableUntil": "2025-01-01T00:00:00.000Z",
          "editsRemaining": "5",
          "isEditEligible": false
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "65"
      ],
      "favorite_count": "15",
      "id_str": "1630000039669780030",
      "truncated": false,
      "retweet_count": "3",
      "id": "1630000039669780030",
      "created_at": "Sun Jun 02 03:23:00 +0000 2024",
      "favorited": false,
      "full_text": "Sudah coba resep rendang dari buku masak nenek, hasilnya lumayan.",
      "lang": "in"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1630000041132100031"
          ],
          "editableUntil": "2025-01-01T00:00:00.000Z",
          "editsRemaining": "5",
          "isEditEligible": false
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "77"
      ],
      "favorite_count": "25",
      "id_str": "1630000041132100031",
      "truncated": false,
      "retweet_count": "3",
      "id": "1630000041132100031",
      "created_at": "Wed Jun 19 01:35:00 +0000 2024",
      "favorited": false,
      "full_text": "Pelayanan perizinan sekarang bisa lewat aplikasi, lebih cepat dan transparan.",
      "lang": "in"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1630000042635040032"
          ],
          "editableUntil": "2025-01-01T00:00:00.000Z",
          "editsRemaining": "5",
          "isEditEligible": false
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "73"
      ],
      "favorite_count": "5",
      "id_str": "1630000042635040032",
      "truncated": false,
      "retweet_count": "1",
      "id": "1630000042635040032",
      "created_at": "Sat Jul 06 11:04:00 +0000 2024",
      "favorited": false,
      "full_text": "Webinar literasi digital untuk ASN, penting supaya bijak bermedia sosial.",
      "lang": "in"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1630000043923600033"
          ],
          "editableUntil": "2025-01-01T00:00:00.000Z",
          "editsRemaining": "5",
          "isEditEligible": false
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "88"
      ],
      "favorite_count": "28",
      "id_str": "1630000043923600033",
      "truncated": false,
      "retweet_count": "3",
      "id": "1630000043923600033",
      "created_at": "Sun Jul 21 09:00:00 +0000 2024",
      "favorited": false,
      "full_text": "Perjalanan dinas ke Bali, sekalian liburan dan shopping di Seminyak dulu sebelum rapat 😎",
      "lang": "in"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1630000044096580034"
          ],
          "editableUntil": "2025-01-01T00:00:00.000Z",
          "editsRemaining": "5",
          "isEditEligible": false
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "65"
      ],
      "favorite_count": "35",
      "id_str": "1630000044096580034",
      "truncated": false,
      "retweet_count": "2",
      "id": "1630000044096580034",
      "created_at": "Tue Jul 23 09:03:00 +0000 2024",
      "favorited": false,
      "full_text": "Berita hari ini: Presiden meresmikan jembatan baru di Kalimantan.",
      "lang": "in"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1630000045565980035"
          ],
          "editableUntil": "2025-01-01T00:00:00.000Z",
          "editsRemaining": "5",
          "isEditEligible": false
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "66"
      ],
      "favorite_count": "8",
      "id_str": "1630000045565980035",
      "truncated": false,
      "retweet_count": "3",
      "id": "1630000045565980035",
      "created_at": "Fri Aug 09 09:13:00 +0000 2024",
      "favorited": false,
      "full_text": "Panen cabai di kebun belakang rumah, lumayan buat sambal seminggu.",
      "lang": "in"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1630000046530000036"
          ],
          "editableUntil": "2025-01-01T00:00:00.000Z",
          "editsRemaining": "5",
          "isEditEligible": false
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "74"
      ],
      "favorite_count": "35",
      "id_str": "1630000046530000036",
      "truncated": false,
      "retweet_count": "2",
      "id": "1630000046530000036",
      "created_at": "Tue Aug 20 13:00:00 +0000 2024",
      "favorited": false,
      "full_text": "Bocoran soal SKD CPNS 2024 lengkap dengan kunci jawaban, jangan disebar ya",
      "lang": "in"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1630000047029380037"
          ],
          "editableUntil": "2025-01-01T00:00:00.000Z",
          "editsRemaining": "5",
          "isEditEligible": false
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "68"
      ],
      "favorite_count": "26",
      "id_str": "1630000047029380037",
      "truncated": false,
      "retweet_count": "2",
      "id": "1630000047029380037",
      "created_at": "Mon Aug 26 07:43:00 +0000 2024",
      "favorited": false,
      "full_text": "Akhir pekan di rumah saja, menonton film keluarga bersama anak-anak.",
      "lang": "in"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1630000047700900038"
          ],
          "editableUntil": "2025-01-01T00:00:00.000Z",
          "editsRemaining": "5",
          "isEditEligible": false
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "107"
      ],
      "favorite_count": "24",
      "id_str": "1630000047700900038",
      "truncated": false,
      "retweet_count": "1",
      "id": "1630000047700900038",
      "created_at": "Tue Sep 03 02:15:00 +0000 2024",
      "favorited": false,
      "full_text": "Tolong bantu cek data tetangga saya yang belum dapat bansos: NIK 3273051204850001, KTP atas nama Pak Ujang.",
      "lang": "in"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1630000048500820039"
          ],
          "editableUntil": "2025-01-01T00:00:00.000Z",
          "editsRemaining": "5",
          "isEditEligible": false
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "50"
      ],
      "favorite_count": "9",
      "id_str": "1630000048500820039",
      "truncated": false,
      "retweet_count": "0",
      "id": "1630000048500820039",
      "created_at": "Thu Sep 12 08:27:00 +0000 2024",
      "favorited": false,
      "full_text": "Ikut donor darah di kantor PMI, semoga bermanfaat.",
      "lang": "in"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1630000049983600040"
          ],
          "editableUntil": "2025-01-01T00:00:00.000Z",
          "editsRemaining": "5",
          "isEditEligible": false
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "71"
      ],
      "favorite_count": "11",
      "id_str": "1630000049983600040",
      "truncated": false,
      "retweet_count": "1",
      "id": "1630000049983600040",
      "created_at": "Sun Sep 29 12:20:00 +0000 2024",
      "favorited": false,
      "full_text": "Tips hemat listrik: matikan lampu yang tidak dipakai dan cabut charger.",
      "lang": "in"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1630000051435420041"
          ],
          "editableUntil": "2025-01-01T00:00:00.000Z",
          "editsRemaining": "5",
          "isEditEligible": false
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "69"
      ],
      "favorite_count": "14",
      "id_str": "1630000051435420041",
      "truncated": false,
      "retweet_count": "5",
      "id": "1630000051435420041",
      "created_at": "Wed Oct 16 07:37:00 +0000 2024",
      "favorited": false,
      "full_text": "Ngobrol dengan pedagang pasar soal harga beras, katanya mulai stabil.",
      "lang": "in"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1630000052903380042"
          ],
          "editableUntil": "2025-01-01T00:00:00.000Z",
          "editsRemaining": "5",
          "isEditEligible": false
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "54"
      ],
      "favorite_count": "14",
      "id_str": "1630000052903380042",
      "truncated": false,
      "retweet_count": "0",
      "id": "1630000052903380042",
      "created_at": "Sat Nov 02 07:23:00 +0000 2024",
      "favorited": false,
      "full_text": "Selamat menunaikan ibadah puasa bagi yang menjalankan.",
      "lang": "in"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1630000054360900043"
          ],
          "editableUntil": "2025-01-01T00:00:00.000Z",
          "editsRemaining": "5",
          "isEditEligible": false
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "48"
      ],
      "favorite_count": "31",
      "id_str": "1630000054360900043",
      "truncated": false,
      "retweet_count": "4",
      "id": "1630000054360900043",
      "created_at": "Tue Nov 19 04:15:00 +0000 2024",
      "favorited": false,
      "full_text": "Jalan pagi keliling kompleks, udara masih segar.",
      "lang": "in"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1630000055858260044"
          ],
          "editableUntil": "2025-01-01T00:00:00.000Z",
          "editsRemaining": "5",
          "isEditEligible": false
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "72"
      ],
      "favorite_count": "11",
      "id_str": "1630000055858260044",
      "truncated": false,
      "retweet_count": "2",
      "id": "1630000055858260044",
      "created_at": "Fri Dec 06 12:11:00 +0000 2024",
      "favorited": false,
      "full_text": "Mengikuti upacara peringatan Hari Kesaktian Pancasila di halaman kantor.",
      "lang": "in"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1630000057325740045"
          ],
          "editableUntil": "2025-01-01T00:00:00.000Z",
          "editsRemaining": "5",
          "isEditEligible": false
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "77"
      ],
      "favorite_count": "18",
      "id_str": "1630000057325740045",
      "truncated": false,
      "retweet_count": "0",
      "id": "1630000057325740045",
      "created_at": "Mon Dec 23 11:49:00 +0000 2024",
      "favorited": false,
      "full_text": "Terima kasih atas kritik dan sarannya untuk layanan kami, akan kami perbaiki.",
      "lang": "in"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1630000060885000046"
          ],
          "editableUntil": "2025-01-01T00:00:00.000Z",
          "editsRemaining": "5",
          "isEditEligible": false
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [
          {
            "name": "promo_gacor",
            "screen_name": "promo_gacor",
            "indices": [
              "3",
              "15"
            ],
            "id_str": "1000",
            "id": "1000"
          }
        ],
        "urls": []
      },
      "display_text_range": [
        "0",
        "87"
      ],
      "favorite_count": "9",
      "id_str": "1630000060885000046",
      "truncated": false,
      "retweet_count": "3",
      "id": "1630000060885000046",
      "created_at": "Sun Feb 02 16:30:00 +0000 2025",
      "favorited": false,
      "full_text": "RT @promo_gacor: Slot gacor hari ini maxwin terus, depo 10k langsung main, link di bio!",
      "lang": "in"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1630000063162000047"
          ],
          "editableUntil": "2025-01-01T00:00:00.000Z",
          "editsRemaining": "5",
          "isEditEligible": false
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "59"
      ],
      "favorite_count": "34",
      "id_str": "1630000063162000047",
      "truncated": false,
      "retweet_count": "2",
      "id": "1630000063162000047",
      "created_at": "Sat Mar 01 01:00:00 +0000 2025",
      "favorited": false,
      "full_text": "Tes tampilan &lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;tebal&lt;/b&gt;: sebarkan sebelum dihapus, info dari grup sebelah!",
      "lang": "in"
    }
  },
  {
    "tweet": {
      "retweeted": false,
      "source": "Twitter for Android",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "47"
      ],
      "favorite_count": "3",
      "id_str": "1872900000000000000",
      "truncated": false,
      "retweet_count": "0",
      "id": "1872900000000000000",
      "created_at": "Sat Dec 28 08:00:00 +0000 2024",
      "favorited": false,
      "full_text": "Sarapan bubur ayam dulu sebelum berangkat kerja",
      "lang": "in",
      "coordinates": {
        "type": "Point",
        "coordinates": [
          "106.82715",
          "-6.17539"
        ]
      },
      "geo": {
        "type": "Point",
        "coordinates": [
          "-6.17539",
          "106.82715"
        ]
      },
      "place": {
        "full_name": "Gambir, Jakarta Pusat",
        "country": "Indonesia"
      }
    }
  },
  {
    "tweet": {
      "retweeted": false,
      "source": "Twitter Web App",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "275"
      ],
      "favorite_count": "12",
      "id_str": "1910200000000000000",
      "truncated": false,
      "retweet_count": "2",
      "id": "1910200000000000000",
      "created_at": "Thu Apr 10 05:00:00 +0000 2025",
      "favorited": false,
      "full_text": "Catatan dari rapat evaluasi pelayanan publik triwulan pertama: antrean rata-rata turun dari 45 menit menjadi 12 menit setelah sistem online berjalan. Terima kasih untuk seluruh tim loket yang bekerja keras, dan juga warga yang sabar selama masa transisi. Masih ada pekerjaan rumah…",
      "lang": "in"
    }
  }
]